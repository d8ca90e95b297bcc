package org.oko.accounts;

import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import org.oko.campaigns.StageNames;
import org.oko.identity.IssuedCredential;
import org.oko.orgs.OrganizationRef;
import org.oko.platform.web.ConflictException;
import org.oko.platform.web.RussianPlural;

/**
 * The credentials hand-out's decisions, without I/O (seed 000: the region receives the sample's
 * logins and hands them out confidentially; seed 003 8.1/9.1: the municipality receives its
 * schools' logins from the region).
 */
final class HandoutRules {

  /** One municipality's lines (municipality null: the organizations that belong to none). */
  record Part(Long municipalityId, String municipalityName, List<IssuedCredential> lines) {}

  static final String WITHOUT_MUNICIPALITY = "Организации без муниципалитета";

  private HandoutRules() {}

  /** «312 логинов». */
  static String logins(long n) {
    return n + " " + RussianPlural.of(n, "логин", "логина", "логинов");
  }

  /**
   * What the confirmation says: «Будет выдано 312 логинов; у 300 из них прежние пароли перестанут
   * действовать. Файл получит регион 64 и скачает его один раз.»
   */
  static String previewMessage(long accounts, long resets, String regionCode) {
    String issued =
        "Будет " + RussianPlural.of(accounts, "выдан ", "выдано ", "выдано ") + logins(accounts);
    String replaced =
        resets == 0
            ? "; ни у одной из этих организаций пароля ещё не было."
            : "; у "
                + resets
                + " из них прежние пароли перестанут действовать, а входы в систему будут завершены.";
    return issued
        + replaced
        + " Список получит регион "
        + regionCode
        + " в личном кабинете и сможет скачать его один раз.";
  }

  /**
   * 409 unless the caller confirmed the number the choice holds now (a sample republished, an
   * organization added since the preview).
   */
  static void requireConfirmed(int confirmed, int now) {
    if (confirmed != now) {
      throw new ConflictException(
          "Выбор изменился после подтверждения: сейчас будет "
              + RussianPlural.of(now, "выдан ", "выдано ", "выдано ")
              + logins(now)
              + ", а подтверждено "
              + confirmed
              + ". Ничего не выдано: проверьте выбор и подтвердите снова.");
    }
  }

  /** What a hand-out covers, as its list and the audit name it. */
  static String scope(String campaignTitle, String regionCode, String municipality, String org) {
    if (org != null) {
      return "организация " + org;
    }
    String sample =
        (campaignTitle == null ? "" : campaignTitle + " — ") + "выборка региона " + regionCode;
    return municipality == null ? sample : sample + ", " + municipality;
  }

  /** The lines by municipality, in the order they came (the store orders by municipality). */
  static List<Part> parts(List<IssuedCredential> lines) {
    Map<Long, List<IssuedCredential>> byMunicipality = new LinkedHashMap<>();
    Map<Long, String> names = new LinkedHashMap<>();
    for (IssuedCredential line : lines) {
      OrganizationRef org = line.organization();
      byMunicipality.computeIfAbsent(org.municipalityId(), k -> new ArrayList<>()).add(line);
      names.putIfAbsent(
          org.municipalityId(),
          org.municipalityId() == null
              ? WITHOUT_MUNICIPALITY
              : Objects.requireNonNullElse(org.municipalityName(), "—"));
    }
    List<Part> parts = new ArrayList<>();
    byMunicipality.forEach((id, list) -> parts.add(new Part(id, names.get(id), list)));
    return parts;
  }

  /** 409 for a second download: the passwords exist nowhere any more. */
  static ConflictException alreadyDownloaded(String by, Instant at, ZoneId zone) {
    return new ConflictException(
        "Файл уже скачан: "
            + by
            + ", "
            + StageNames.localTime(at, zone)
            + ". Пароли повторно не показываются. Если файл утерян, выдайте логины заново —"
            + " прежние пароли перестанут действовать.");
  }
}
