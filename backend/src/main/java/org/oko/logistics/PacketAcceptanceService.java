package org.oko.logistics;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import org.oko.campaigns.CampaignDirectory;
import org.oko.orgs.OrganizationDirectory;
import org.oko.orgs.OrganizationRef;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.time.ZoneCities;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.springframework.stereotype.Service;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;

/**
 * Records that a coordinator accepted a return delivery packet. Every check comes before the write,
 * and the packet and its event commit together, so a refused packet leaves nothing behind.
 */
@Service
class PacketAcceptanceService {

  private static final DateTimeFormatter LOCAL_TIME =
      DateTimeFormatter.ofPattern("dd.MM.yyyy HH:mm");

  private final CampaignDirectory campaigns;
  private final OrganizationDirectory organizations;
  private final PublishedSampleStore sample;
  private final PacketStore packets;
  private final PlaceStore places;
  private final TransactionalOperator tx;
  private final Clock clock;

  PacketAcceptanceService(
      CampaignDirectory campaigns,
      OrganizationDirectory organizations,
      PublishedSampleStore sample,
      PacketStore packets,
      PlaceStore places,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.organizations = organizations;
    this.sample = sample;
    this.packets = packets;
    this.places = places;
    this.tx = tx;
    this.clock = clock;
  }

  /** A return packet as the coordinator records it. */
  record Request(Long organizationId, String packetNumber, String note) {}

  /** {@code caller} is a coordinator or FEDERAL (the controller checks the role). */
  Mono<PacketStore.Accepted> accept(Caller caller, long campaignId, Request in) {
    Visibility visibility = Visibility.of(caller);
    String number = in.packetNumber();
    String note = in.note() == null || in.note().isBlank() ? null : in.note().strip();
    return campaigns
        .visibleTo(caller, campaignId)
        .then(organizations.byId(in.organizationId()))
        .filter(visibility::seesOrganization)
        .switchIfEmpty(
            Mono.error(new NotFoundException("Организация " + in.organizationId() + " не найдена")))
        .flatMap(org -> inSample(campaignId, org))
        .flatMap(org -> refuseTaken(campaignId, number, visibility).thenReturn(org))
        .flatMap(org -> store(caller, campaignId, number, org, note, visibility));
  }

  /** The packet and its event, in one transaction. */
  private Mono<PacketStore.Accepted> store(
      Caller caller,
      long campaignId,
      String number,
      OrganizationRef org,
      String note,
      Visibility visibility) {
    Instant now = clock.instant();
    return packets
        .insert(campaignId, number, org, caller.login(), now, note)
        // Someone accepted the same number between the check and the insert.
        .switchIfEmpty(
            Mono.defer(
                () ->
                    refuseTaken(campaignId, number, visibility)
                        .then(
                            Mono.error(new ConflictException("Пакет " + number + " уже принят")))))
        .map(id -> new PacketStore.Accepted(id, number, org, caller.login(), now, note))
        .as(tx::transactional);
  }

  private Mono<OrganizationRef> inSample(long campaignId, OrganizationRef org) {
    return sample
        .entry(campaignId, org.id())
        .map(entry -> org)
        .switchIfEmpty(
            Mono.error(
                new UnprocessableException(
                    "organizationId",
                    "Организация "
                        + org.login()
                        + " не входит в опубликованную выборку кампании: пакет от неё не принимается")));
  }

  /**
   * 409 if the number is taken; empty otherwise. The number is unique in the whole campaign, so the
   * first packet may be another region's: then the message names no one outside the caller's scope.
   */
  private Mono<Void> refuseTaken(long campaignId, String number, Visibility visibility) {
    return packets
        .byNumber(campaignId, number)
        .flatMap(
            first ->
                !visibility.seesOrganization(first.organization())
                    ? Mono.<Void>error(
                        new ConflictException(
                            "Пакет "
                                + number
                                + " уже принят в другом регионе или муниципалитете; проверьте"
                                + " номер пакета"))
                    : places
                        .region(first.organization().regionCode())
                        .map(PlaceStore.Region::zone)
                        .defaultIfEmpty(ZoneId.of("Europe/Moscow"))
                        .flatMap(zone -> Mono.<Void>error(alreadyAccepted(first, zone))));
  }

  private static ConflictException alreadyAccepted(PacketStore.Accepted first, ZoneId zone) {
    return new ConflictException(
        "Пакет "
            + first.packetNumber()
            + " уже принят "
            + LOCAL_TIME.format(first.acceptedAt().atZone(zone))
            + " ("
            + ZoneCities.city(zone)
            + "), принял "
            + first.acceptedBy()
            + " (организация "
            + first.organization().login()
            + ")");
  }
}
