package org.oko.scans;

import java.io.DataInputStream;
import java.io.EOFException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageReader;
import javax.imageio.metadata.IIOMetadata;
import org.w3c.dom.Node;

/** A scanned image's resolution in dots per inch, as its file declares it; null if it does not. */
final class ScanResolution {

  private ScanResolution() {}

  /** A PNG's resolution from its pHYs chunk (pixels per metre), read before the image data. */
  static Integer png(Path file) throws IOException {
    try (DataInputStream in = new DataInputStream(Files.newInputStream(file))) {
      in.skipNBytes(8);
      while (true) {
        int length = in.readInt();
        int type = in.readInt();
        if (length < 0) {
          return null;
        }
        if (type == 0x70485973) { // pHYs
          int x = in.readInt();
          in.readInt();
          int unit = in.readUnsignedByte();
          return unit == 1 && x > 0 ? (int) Math.round(x * 0.0254) : null;
        }
        if (type == 0x49444154 || type == 0x49454e44) { // IDAT, IEND: no pHYs before the pixels
          return null;
        }
        in.skipNBytes((long) length + 4);
      }
    } catch (EOFException e) {
      return null;
    }
  }

  /** JPEG and TIFF resolution from the standard metadata tree, when the file has it. */
  static Integer fromMetadata(ImageReader reader) {
    try {
      IIOMetadata metadata = reader.getImageMetadata(0);
      if (metadata == null || !metadata.isStandardMetadataFormatSupported()) {
        return null;
      }
      Node root = metadata.getAsTree("javax_imageio_1.0");
      for (Node dimension = root.getFirstChild();
          dimension != null;
          dimension = dimension.getNextSibling()) {
        if (!"Dimension".equals(dimension.getNodeName())) {
          continue;
        }
        for (Node n = dimension.getFirstChild(); n != null; n = n.getNextSibling()) {
          if ("HorizontalPixelSize".equals(n.getNodeName())) {
            Node value = n.getAttributes().getNamedItem("value");
            double mmPerPixel = Double.parseDouble(value.getNodeValue());
            return mmPerPixel > 0 ? (int) Math.round(25.4 / mmPerPixel) : null;
          }
        }
      }
      return null;
    } catch (IOException | RuntimeException e) {
      return null;
    }
  }
}
