package org.oko.sample;

import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.oko.campaigns.CampaignDirectory;
import org.oko.campaigns.CampaignInfo;
import org.oko.campaigns.Stage;
import org.oko.campaigns.StageGate;
import org.oko.campaigns.Subject;
import org.oko.orgs.Visibility;
import org.oko.platform.security.Caller;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.FieldProblem;
import org.oko.platform.web.NotFoundException;
import org.oko.platform.web.UnprocessableException;
import org.oko.sample.SampleEntryStore.PartEntry;
import org.oko.sample.SampleWorkbookReader.Line;
import org.oko.sample.VerificationStore.Change;
import org.oko.sample.VerificationStore.NewValues;
import org.springframework.stereotype.Component;
import org.springframework.transaction.reactive.TransactionalOperator;
import reactor.core.publisher.Mono;
import reactor.core.scheduler.Schedulers;

/**
 * The verification form (форма выверки): a coordinator downloads its part of the published sample,
 * corrects it, uploads it and sees the changes as a diff; nothing changes until the same
 * coordinator confirms. «Участвует = нет» withdraws an organization (its other cells are then not
 * read); «да» keeps it in the sample, or brings a withdrawn one back, with the row's attributes.
 */
@Component
class VerificationService {

  private final CampaignDirectory campaigns;
  private final SampleEntryStore queries;
  private final SampleStore samples;
  private final VerificationStore store;
  private final StageGate stages;
  private final TransactionalOperator tx;
  private final Clock clock;

  VerificationService(
      CampaignDirectory campaigns,
      SampleEntryStore queries,
      SampleStore samples,
      VerificationStore store,
      StageGate stages,
      TransactionalOperator tx,
      Clock clock) {
    this.campaigns = campaigns;
    this.queries = queries;
    this.samples = samples;
    this.store = store;
    this.stages = stages;
    this.tx = tx;
    this.clock = clock;
  }

  /** The part's entries; 404 while the sample is not published to the region. */
  Mono<List<PartEntry>> published(CampaignInfo campaign, VerificationPart part) {
    if (!campaign.regionCodes().contains(part.regionCode())) {
      return Mono.error(
          new NotFoundException(
              "Регион «" + part.regionCode() + "» не участвует в кампании " + campaign.id()));
    }
    return samples
        .isPublished(campaign.id(), part.regionCode())
        .flatMap(
            published ->
                published
                    ? queries
                        .part(campaign.id(), part.regionCode(), part.municipalityId())
                        .collectList()
                    : Mono.error(
                        new NotFoundException(
                            "Выборка ещё не опубликована региону: форма выверки появится после"
                                + " публикации")));
  }

  Mono<byte[]> form(CampaignInfo campaign, VerificationPart part) {
    return published(campaign, part)
        .publishOn(Schedulers.boundedElastic())
        .map(
            entries ->
                SampleWorkbook.write(
                    FormSignature.verification(
                        campaign.id(), part.regionCode(), part.municipalityId()),
                    "Форма выверки. " + campaign.title(),
                    entries.stream().map(VerificationRules::line).toList(),
                    campaign.subjects()));
  }

  /**
   * Reads an uploaded form (the staged file; the caller deletes it) and stores its diff, or answers
   * 422 with every problem and stores nothing.
   */
  Mono<VerificationStore.Upload> upload(Caller caller, long campaignId, StagedFile file) {
    return campaigns
        .visibleTo(caller, campaignId)
        .flatMap(
            campaign ->
                // The federal organizer's region is known only from the file.
                (caller.isFederal()
                        ? Mono.<Void>empty()
                        : stages.requireOpen(
                            campaignId, Stage.VERIFICATION, caller.regionCode(), null))
                    .then(file.with(path -> upload(caller, campaign, path))));
  }

  private Mono<VerificationStore.Upload> upload(Caller caller, CampaignInfo campaign, Path file) {
    return Mono.fromCallable(
            () -> {
              FormSignature signature =
                  SampleWorkbookReader.signature(file, FormSignature.VERIFICATION);
              SampleWorkbookReader.requireMadeFor(
                  signature,
                  FormSignature.verification(campaign.id(), null, signature.municipalityId()));
              var part = new VerificationPart(signature.regionCode(), signature.municipalityId());
              if (!part.uploadableBy(Visibility.of(caller))) {
                throw SampleWorkbookReader.refused(
                    "Эта форма выверки выгружена для другой части выборки (другого"
                        + " муниципалитета или региона): загрузите свою форму.");
              }
              return part;
            })
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(
            part ->
                stages
                    .requireOpen(campaign.id(), Stage.VERIFICATION, part.regionCode(), null)
                    .then(published(campaign, part))
                    .flatMap(entries -> readAndStore(caller, campaign, part, entries, file)));
  }

  /** Reads the form's rows off the event loop, then checks and stores them. */
  private Mono<VerificationStore.Upload> readAndStore(
      Caller caller,
      CampaignInfo campaign,
      VerificationPart part,
      List<PartEntry> entries,
      Path file) {
    return Mono.fromCallable(() -> SampleWorkbookReader.lines(file, false))
        .subscribeOn(Schedulers.boundedElastic())
        .flatMap(parsed -> store(caller, campaign, part, entries, parsed));
  }

  private Mono<VerificationStore.Upload> store(
      Caller caller,
      CampaignInfo campaign,
      VerificationPart part,
      List<PartEntry> entries,
      SampleWorkbookReader.Parsed parsed) {
    Map<String, PartEntry> byLogin =
        entries.stream().collect(Collectors.toMap(PartEntry::login, Function.identity()));
    Set<String> subjectKeys =
        campaign.subjects().stream().map(Subject::key).collect(Collectors.toSet());
    List<FieldProblem> problems = new ArrayList<>(parsed.problems());
    List<Change> changes = new ArrayList<>();
    List<NewValues> rows = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (Line line : parsed.lines()) {
      PartEntry entry = byLogin.get(line.login());
      if (entry == null) {
        problems.add(
            line.place()
                .problem(
                    Column.LOGIN,
                    line.login(),
                    "Организация «"
                        + line.login()
                        + "» не входит в выборку вашего муниципалитета (вашей части выборки)"));
        continue;
      }
      if (!seen.add(line.login())) {
        problems.add(
            line.place()
                .problem(
                    Column.LOGIN,
                    line.login(),
                    "Организация «" + line.login() + "» указана дважды"));
        continue;
      }
      if (line.participates()) {
        // Listed with the row's other problems, if any: every problem of the file at once.
        problems.addAll(PreliminaryListService.unknownSubjects(line.proposal(), subjectKeys));
      }
      if (line.participates() && line.attributes() == null) {
        continue; // its other cells were already reported
      }
      Attributes after = line.participates() ? line.attributes() : entry.attributes();
      changes.addAll(VerificationRules.diff(entry, line.participates(), after));
      rows.add(
          new NewValues(
              entry.organizationId(),
              entry.version(),
              line.participates() ? "SELECTED" : "WITHDRAWN",
              after));
    }
    if (!problems.isEmpty()) {
      return Mono.error(
          new UnprocessableException(
              "Форма выверки содержит ошибки (" + problems.size() + "): ничего не сохранено",
              problems));
    }
    Instant now = clock.instant();
    return store
        .insert(
            campaign.id(),
            part.regionCode(),
            part.municipalityId(),
            caller.login(),
            now,
            changes,
            rows)
        .as(tx::transactional)
        .map(
            id ->
                new VerificationStore.Upload(
                    id,
                    part.regionCode(),
                    part.municipalityId(),
                    caller.login(),
                    now,
                    changes,
                    rows.size(),
                    null));
  }

  /**
   * Applies an upload: only its uploader (404 for anyone else), once (409), while the stage is
   * open, and only if none of its entries changed since the upload (409, nothing applied).
   */
  Mono<VerificationStore.Upload> confirm(Caller caller, CampaignInfo campaign, long uploadId) {
    return store
        .find(campaign.id(), uploadId)
        .filter(upload -> upload.uploadedBy().equals(caller.login()))
        .switchIfEmpty(
            Mono.error(new NotFoundException("Загрузка формы выверки " + uploadId + " не найдена")))
        .flatMap(
            upload -> {
              if (upload.confirmedAt() != null) {
                return Mono.error(alreadyConfirmed());
              }
              Instant now = clock.instant();
              return stages
                  .requireOpen(campaign.id(), Stage.VERIFICATION, upload.regionCode(), null)
                  .then(apply(caller, campaign, upload, now))
                  .thenReturn(
                      new VerificationStore.Upload(
                          upload.id(),
                          upload.regionCode(),
                          upload.municipalityId(),
                          upload.uploadedBy(),
                          upload.uploadedAt(),
                          upload.changes(),
                          upload.rows(),
                          now));
            });
  }

  private Mono<Void> apply(
      Caller caller, CampaignInfo campaign, VerificationStore.Upload upload, Instant now) {
    return store
        .markConfirmed(upload.id(), now)
        .flatMap(
            first ->
                first
                    ? store.apply(campaign.id(), upload.id(), caller.login(), now)
                    : Mono.error(alreadyConfirmed()))
        .flatMap(
            written ->
                written == upload.rows()
                    ? Mono.<Void>empty()
                    : Mono.<Void>error(
                        new ConflictException(
                            "После загрузки формы данные части организаций изменились (их уже"
                                + " выверил кто-то другой). Скачайте форму заново и загрузите"
                                + " её ещё раз.")))
        .as(tx::transactional);
  }

  private static ConflictException alreadyConfirmed() {
    return new ConflictException("Изменения этой формы выверки уже применены");
  }
}
