package org.oko.observers;

import static org.assertj.core.api.Assertions.assertThat;

import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.Test;

/** What a photo or a scan may be, judged from its first bytes only. */
class ObserverFileRulesTests {

  @Test
  void theSizeOfPngAndJpegIsReadFromTheHeaderWithoutDecoding() throws IOException {
    byte[] png = image("png", 640, 480);
    byte[] jpeg = image("jpg", 300, 200);
    assertThat(ObserverFileRules.pngSize(png, png.length)).containsExactly(640, 480);
    assertThat(ObserverFileRules.jpegSize(jpeg, jpeg.length)).containsExactly(300, 200);
    assertThat(ObserverFileRules.imageProblem(ObserverFileRules.Type.PNG, png, png.length, "a.png"))
        .isNull();
  }

  @Test
  void aHugeImageOrOneWithoutASizeIsRefusedAndTypesMustMatchTheirNames() throws IOException {
    byte[] png = image("png", 2, 2);
    java.nio.ByteBuffer.wrap(png, 16, 8).putInt(13_000).putInt(100);
    assertThat(ObserverFileRules.imageProblem(ObserverFileRules.Type.PNG, png, png.length, "a.png"))
        .contains("слишком большое");
    byte[] broken = {(byte) 0xFF, (byte) 0xD8, (byte) 0xFF, 0x00, 0x00, 0x00, 0x00, 0, 0, 0, 0};
    assertThat(
            ObserverFileRules.imageProblem(
                ObserverFileRules.Type.JPEG, broken, broken.length, "a.jpg"))
        .contains("повреждён");
    assertThat(ObserverFileRules.byName("scan.JPEG")).contains(ObserverFileRules.Type.JPEG);
    assertThat(ObserverFileRules.byName("scan.docx")).isEmpty();
    assertThat(ObserverFileRules.matches(ObserverFileRules.Type.PDF, png, png.length)).isFalse();
  }

  private static byte[] image(String format, int width, int height) throws IOException {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    ImageIO.write(new BufferedImage(width, height, BufferedImage.TYPE_INT_RGB), format, out);
    return out.toByteArray();
  }
}
