package org.oko.sample;

import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import org.oko.api.model.EducationLevel;
import org.oko.api.model.PreliminaryEntry;
import org.oko.api.model.RegionSampleSummary;
import org.oko.api.model.SampleAttributes;
import org.oko.api.model.SampleEntry;
import org.oko.api.model.SampleSummary;
import org.oko.api.model.SettlementType;
import org.oko.api.model.VerificationChange;
import org.oko.api.model.VerificationDiff;
import org.oko.orgs.OrganizationMapper;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.ApiTimes;
import org.oko.sample.SampleEntryStore.Entry;
import org.oko.sample.SampleEntryStore.RegionSummary;
import org.oko.sample.VerificationStore.Change;

/** The sample's domain records and the generated API's, for its controller and upload routes. */
final class SampleMapper {

  private SampleMapper() {}

  static List<Proposal> proposals(List<PreliminaryEntry> entries) {
    List<Proposal> proposals = new ArrayList<>();
    for (int i = 0; i < entries.size(); i++) {
      SampleAttributes a = entries.get(i).getAttributes();
      proposals.add(
          new Proposal(
              entries.get(i).getOrganizationLogin(),
              new Attributes(
                  a.getParticipants(),
                  a.getInstitutionType().strip(),
                  a.getSettlementType().getValue(),
                  a.getEducationLevels().stream().map(EducationLevel::getValue).distinct().toList(),
                  List.copyOf(new LinkedHashSet<>(a.getSubjects()))),
              Place.entry(i)));
    }
    return proposals;
  }

  static SampleSummary toApi(SampleService.Summary summary) {
    return new SampleSummary(
        summary.campaignId(), summary.regions().stream().map(SampleMapper::toApi).toList());
  }

  static RegionSampleSummary toApi(RegionSummary r) {
    var summary =
        new RegionSampleSummary(
            r.code(), r.name(), r.proposed(), r.selected(), r.withdrawn(), r.verified());
    summary.setPublishedAt(ApiTimes.utc(r.publishedAt()));
    return summary;
  }

  static SampleEntry toApi(Entry e) {
    var entry =
        new SampleEntry(
            OrganizationMapper.brief(e.organization()),
            org.oko.api.model.SampleStatus.fromValue(e.status()),
            e.published(),
            toApi(e.attributes()));
    if (e.verifiedAt() != null) {
      entry.setVerifiedAt(ApiTimes.utc(e.verifiedAt()));
      entry.setVerifiedBy(e.verifiedBy());
    }
    return entry;
  }

  static SampleAttributes toApi(Attributes a) {
    return new SampleAttributes(
        a.participants(),
        a.institutionType(),
        SettlementType.fromValue(a.settlementType()),
        a.educationLevels().stream().map(EducationLevel::fromValue).toList(),
        a.subjects());
  }

  static VerificationDiff toApi(VerificationStore.Upload upload) {
    var diff =
        new VerificationDiff(
            upload.id(),
            ApiTimes.utc(upload.uploadedAt()),
            upload.uploadedBy(),
            upload.rows(),
            upload.changes().stream().map(SampleMapper::toApi).toList());
    diff.setConfirmedAt(ApiTimes.utc(upload.confirmedAt()));
    return diff;
  }

  private static VerificationChange toApi(Change c) {
    return new VerificationChange(
        OrganizationMapper.brief(
            new OrganizationRef(
                c.organizationId(),
                c.login(),
                c.name(),
                c.regionCode(),
                c.municipalityId(),
                c.municipalityName())),
        VerificationChange.FieldEnum.fromValue(c.field()),
        c.fieldName(),
        c.before(),
        c.after());
  }
}
