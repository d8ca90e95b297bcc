package org.oko.demo;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;
import org.oko.api.model.OwnLocalScanning;
import org.oko.api.model.OwnLocalScanningCampaign;
import org.oko.testing.ApiTest;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.r2dbc.core.DatabaseClient;

/**
 * The demo's campaign with the collector and expert scoring open at once (seed {@code
 * 000_c9abf0b417e3d9bf.txt}: uploading and checking are followed together) is ready to show.
 */
class DemoScansTests extends ApiTest {

  @Autowired DatabaseClient db;

  @Test
  void theCampaignHasAcceptedWorksForExpertsWhileScanningIsStillOpen() {
    Long accepted =
        db.sql(
                "select count(*) as n from scan_sheet s join campaign c on c.id = s.campaign_id"
                    + " where c.title = :t and s.kit_number between 701000 and 701999"
                    // accepted, or further along if a test has distributed them already
                    + " and s.status in ('ACCEPTED', 'ASSIGNED', 'SCORED', 'VERIFIED')")
            .bind("t", DemoScans.CAMPAIGN)
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    Long experts =
        db.sql(
                "select count(*) as n from expert e join campaign c on c.id = e.campaign_id"
                    // the demo's own: a browser journey registers one more
                    + " where c.title = :t and e.login like 'expert64_'")
            .bind("t", DemoScans.CAMPAIGN)
            .map(r -> r.get("n", Long.class))
            .one()
            .block();
    assertThat(accepted).isEqualTo(40L);
    assertThat(experts).isEqualTo(3L);
  }

  @Test
  void edu645001UploadsTheRestOfItsScansItself() {
    OwnLocalScanning own =
        as("edu645001")
            .get()
            .uri("/api/local-scanning")
            .exchange()
            .expectStatus()
            .isOk()
            .expectBody(OwnLocalScanning.class)
            .returnResult()
            .getResponseBody();
    // (other tests allow it in campaigns of their own)
    assertThat(own.getItems())
        .extracting(OwnLocalScanningCampaign::getTitle)
        .contains(DemoScans.CAMPAIGN);
  }

  @Test
  void aDemoPageIsAReadableA4ScanAndABlankOneIsWhite() throws IOException {
    BufferedImage written =
        ImageIO.read(new ByteArrayInputStream(DemoAnswerSheets.page(801_001, 1, false)));
    BufferedImage blank =
        ImageIO.read(new ByteArrayInputStream(DemoAnswerSheets.page(801_006, 1, true)));
    assertThat(written.getWidth()).isEqualTo(827);
    assertThat(written.getHeight()).isEqualTo(1169);
    assertThat(darkPixels(written)).isGreaterThan(1_000);
    assertThat(darkPixels(blank)).isZero();
  }

  private static int darkPixels(BufferedImage image) {
    int dark = 0;
    for (int y = 0; y < image.getHeight(); y += 2) {
      for (int x = 0; x < image.getWidth(); x += 2) {
        if ((image.getRGB(x, y) & 0xff) < 128) {
          dark++;
        }
      }
    }
    return dark;
  }
}
