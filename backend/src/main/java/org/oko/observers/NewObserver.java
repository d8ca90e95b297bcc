package org.oko.observers;

/** What a web form or a workbook row says of an observer to propose or appoint. */
record NewObserver(
    ObserverInfo.Kind kind,
    String fullName,
    String phone,
    String email,
    String workplace,
    Long workplaceOrganizationId,
    String regionCode) {}
