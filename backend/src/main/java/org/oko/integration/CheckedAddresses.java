package org.oko.integration;

import io.netty.resolver.AddressResolver;
import io.netty.resolver.AddressResolverGroup;
import io.netty.resolver.InetNameResolver;
import io.netty.resolver.InetSocketAddressResolver;
import io.netty.util.concurrent.EventExecutor;
import io.netty.util.concurrent.Promise;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.util.List;

/**
 * The webhook client's name resolution (issue 23, DNS rebinding): each delivery resolves the
 * target's host once, refuses it if any address is one OKO may not send to ({@link
 * TargetRules#checkAddresses}), and connects to exactly the address it checked. A name that passed
 * at registration and later points at OKO's own networks therefore reaches nothing there; the
 * delivery fails with the reason in its log. Lookups block, so the client runs on its own event
 * loops, never the ones that serve requests.
 */
final class CheckedAddresses extends AddressResolverGroup<InetSocketAddress> {

  private final WebhooksProperties properties;

  CheckedAddresses(WebhooksProperties properties) {
    this.properties = properties;
  }

  @Override
  protected AddressResolver<InetSocketAddress> newResolver(EventExecutor executor) {
    return new InetSocketAddressResolver(executor, new Checked(executor, properties));
  }

  private static final class Checked extends InetNameResolver {

    private final WebhooksProperties properties;

    Checked(EventExecutor executor, WebhooksProperties properties) {
      super(executor);
      this.properties = properties;
    }

    @Override
    protected void doResolve(String host, Promise<InetAddress> promise) {
      try {
        promise.setSuccess(checked(host)[0]);
      } catch (Exception e) {
        promise.setFailure(e);
      }
    }

    @Override
    protected void doResolveAll(String host, Promise<List<InetAddress>> promise) {
      try {
        promise.setSuccess(List.of(checked(host)));
      } catch (Exception e) {
        promise.setFailure(e);
      }
    }

    private InetAddress[] checked(String host) throws java.net.UnknownHostException {
      InetAddress[] addresses = InetAddress.getAllByName(host);
      TargetRules.checkAddresses(host, addresses, properties);
      return addresses;
    }
  }
}
