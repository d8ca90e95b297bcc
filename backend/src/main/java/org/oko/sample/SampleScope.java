package org.oko.sample;

/**
 * Which entries of a campaign a caller sees, as SQL filters: a region (null: all), a municipality
 * or the organizations without one, only the published sample (municipal and responsible
 * coordinators), and whether the selection is hidden until publication (the region must not learn
 * who is drawn before the federal organizer publishes it).
 */
record SampleScope(
    String regionCode,
    Long municipalityId,
    boolean withoutMunicipality,
    boolean publishedSampleOnly,
    boolean selectionHiddenBeforePublication) {

  /** The status a caller sees: «proposed» for everyone in an unpublished region if hidden. */
  static final String SHOWN_STATUS =
      "case when :hideSelection and p.region_code is null then 'PROPOSED' else e.status end";

  static final String FROM =
      """
       from sample_entry e
       join organization o on o.id = e.organization_id
       left join municipality m on m.id = o.municipality_id
       left join sample_publication p on p.campaign_id = e.campaign_id
                                     and p.region_code = e.region_code
       where e.campaign_id = :campaign
         and (cast(:region as text) is null or e.region_code = :region)
         and (cast(:municipality as bigint) is null or o.municipality_id = :municipality)
         and (not :withoutMunicipality or o.municipality_id is null)
         and (not :publishedOnly or (p.region_code is not null and e.status <> 'PROPOSED'))
      """;

  SampleScope narrowedTo(String region, Long municipality) {
    return new SampleScope(
        region == null ? regionCode : region,
        municipality == null ? municipalityId : municipality,
        withoutMunicipality,
        publishedSampleOnly,
        selectionHiddenBeforePublication);
  }
}
