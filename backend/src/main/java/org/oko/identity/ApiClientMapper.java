package org.oko.identity;

import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.List;
import org.oko.api.model.ApiClientOperation;
import org.oko.api.model.ChangeType;
import org.oko.api.model.ModelApiClient;

/**
 * API clients as the contract's types, and the contract's restrictions as names. A restriction that
 * is absent or empty means none (every event type, every operation), both ways.
 */
final class ApiClientMapper {

  private ApiClientMapper() {}

  static ModelApiClient client(ApiClientStore.Managed c) {
    return new ModelApiClient(
            c.clientId(),
            c.name(),
            c.regionCode(),
            c.revoked() ? ModelApiClient.StatusEnum.REVOKED : ModelApiClient.StatusEnum.ACTIVE)
        .eventTypes(
            c.eventTypes() == null
                ? List.of()
                : c.eventTypes().stream().map(ChangeType::fromValue).toList())
        .operations(
            c.operations() == null
                ? List.of()
                : c.operations().stream().map(ApiClientOperation::fromValue).toList())
        .createdBy(c.createdBy())
        .createdAt(time(c.createdAt()))
        .secretRotatedAt(time(c.secretRotatedAt()))
        .previousSecretValidUntil(time(c.previousSecretUntil()))
        .revokedAt(time(c.revokedAt()))
        .revokedBy(c.revokedBy());
  }

  static List<String> types(List<ChangeType> types) {
    return types == null ? null : types.stream().map(ChangeType::getValue).toList();
  }

  static List<String> operations(List<ApiClientOperation> operations) {
    return operations == null
        ? null
        : operations.stream().map(ApiClientOperation::getValue).toList();
  }

  static OffsetDateTime time(Instant at) {
    return at == null ? null : at.atOffset(ZoneOffset.UTC);
  }
}
