package org.oko.scans;

import java.awt.Graphics2D;
import java.awt.image.BufferedImage;
import java.awt.image.WritableRaster;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import javax.imageio.IIOImage;
import javax.imageio.ImageIO;
import javax.imageio.ImageWriteParam;
import javax.imageio.ImageWriter;
import javax.imageio.stream.ImageOutputStream;

/**
 * The pixel work on a decoded page, in 8-bit grey: whether it is blank, and its thumbnail.
 * CPU-bound; thread-safe (no state).
 */
final class GreyPage {

  static final int THUMBNAIL_WIDTH = 320;

  private GreyPage() {}

  /**
   * Blank by simple statistics of the grey image: almost white on average and almost uniform. A
   * scanned empty sheet has some noise (a deviation of a few levels); a page with any writing or
   * ruling has far more.
   */
  static boolean blank(BufferedImage grey) {
    WritableRaster raster = grey.getRaster();
    int w = grey.getWidth();
    int h = grey.getHeight();
    int step = Math.max(1, Math.max(w, h) / 800);
    byte[] row = new byte[w];
    double sum = 0;
    double squares = 0;
    long n = 0;
    for (int y = 0; y < h; y += step) {
      raster.getDataElements(0, y, w, 1, row);
      for (int x = 0; x < w; x += step) {
        int v = row[x] & 0xff;
        sum += v;
        squares += (double) v * v;
        n++;
      }
    }
    if (n == 0) {
      return true;
    }
    double mean = sum / n;
    double deviation = Math.sqrt(Math.max(0, squares / n - mean * mean));
    return mean > 235 && deviation < 8;
  }

  /** The image as 8-bit grey (a copy only when it is not grey already). */
  static BufferedImage grey(BufferedImage image) {
    if (image.getType() == BufferedImage.TYPE_BYTE_GRAY) {
      return image;
    }
    BufferedImage grey =
        new BufferedImage(image.getWidth(), image.getHeight(), BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = grey.createGraphics();
    try {
      g.setColor(java.awt.Color.WHITE);
      g.fillRect(0, 0, image.getWidth(), image.getHeight());
      g.drawImage(image, 0, 0, null);
    } finally {
      g.dispose();
    }
    return grey;
  }

  /**
   * A PNG of the grey image at most {@link #THUMBNAIL_WIDTH} pixels wide, each pixel the average of
   * the block it covers (one pass over the rows: far cheaper than Java 2D's scaling).
   */
  static byte[] thumbnail(BufferedImage grey) throws IOException {
    int w = grey.getWidth();
    int h = grey.getHeight();
    int tw = Math.min(THUMBNAIL_WIDTH, w);
    int th = Math.max(1, (int) Math.round((double) h * tw / w));
    BufferedImage small = new BufferedImage(tw, th, BufferedImage.TYPE_BYTE_GRAY);
    WritableRaster source = grey.getRaster();
    WritableRaster target = small.getRaster();
    byte[] row = new byte[w];
    byte[] out = new byte[tw];
    int[] column = new int[w];
    for (int x = 0; x < w; x++) {
      column[x] = (int) ((long) x * tw / w);
    }
    long[] sums = new long[tw];
    int[] counts = new int[tw];
    for (int ty = 0; ty < th; ty++) {
      int y0 = (int) ((long) ty * h / th);
      int y1 = Math.max(y0 + 1, (int) ((long) (ty + 1) * h / th));
      java.util.Arrays.fill(sums, 0);
      java.util.Arrays.fill(counts, 0);
      for (int y = y0; y < y1 && y < h; y++) {
        source.getDataElements(0, y, w, 1, row);
        for (int x = 0; x < w; x++) {
          sums[column[x]] += row[x] & 0xff;
          counts[column[x]]++;
        }
      }
      for (int tx = 0; tx < tw; tx++) {
        out[tx] = (byte) (counts[tx] == 0 ? 255 : sums[tx] / counts[tx]);
      }
      target.setDataElements(0, ty, tw, 1, out);
    }
    ByteArrayOutputStream png = new ByteArrayOutputStream();
    ImageWriter writer = ImageIO.getImageWritersByFormatName("png").next();
    try (ImageOutputStream stream = ImageIO.createImageOutputStream(png)) {
      writer.setOutput(stream);
      ImageWriteParam param = writer.getDefaultWriteParam();
      // Fast deflate: a thumbnail a few per cent larger, written several times faster.
      param.setCompressionMode(ImageWriteParam.MODE_EXPLICIT);
      param.setCompressionQuality(0.75f);
      writer.write(null, new IIOImage(small, null, null), param);
    } finally {
      writer.dispose();
    }
    return png.toByteArray();
  }
}
