package org.oko.demo;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Font;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import javax.imageio.ImageIO;

/** The pixels of the demo's scanned answer sheets ({@link DemoScans} stores them). */
final class DemoAnswerSheets {

  private DemoAnswerSheets() {}

  static final int WIDTH = 827;
  static final int HEIGHT = 1169;

  /** An A4 answer sheet at 100 dpi: a header with the kit and page, ruled lines, handwriting. */
  static byte[] page(long kit, int page, boolean blank) {
    BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_BYTE_GRAY);
    Graphics2D g = image.createGraphics();
    try {
      g.setColor(Color.WHITE);
      g.fillRect(0, 0, WIDTH, HEIGHT);
      if (!blank) {
        g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
        g.setColor(Color.BLACK);
        g.setFont(new Font(Font.SANS_SERIF, Font.BOLD, 28));
        g.drawString("Бланк ответов № " + page, 60, 80);
        g.setFont(new Font(Font.MONOSPACED, Font.PLAIN, 26));
        g.drawString("Комплект " + kit, 520, 80);
        g.setStroke(new BasicStroke(1));
        for (int y = 160; y < HEIGHT - 60; y += 44) {
          g.setColor(Color.LIGHT_GRAY);
          g.drawLine(60, y, WIDTH - 60, y);
        }
        g.setColor(new Color(30, 40, 120));
        g.setFont(new Font(Font.SERIF, Font.ITALIC, 24));
        for (int line = 0; line < 12 + (int) (kit % 7); line++) {
          g.drawString(
              HANDWRITING[(int) ((kit + line + page) % HANDWRITING.length)],
              70,
              152 + 44 * (line + 1));
        }
      }
    } finally {
      g.dispose();
    }
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    try {
      ImageIO.write(image, "png", out);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    return out.toByteArray();
  }

  private static final String[] HANDWRITING = {
    "На этапе актуализации учитель опирается на опыт учеников,",
    "поэтому вопрос о значении слова задан до чтения текста.",
    "Ошибка в формулировке цели: она описывает действия учителя,",
    "а не результат, который должны получить обучающиеся.",
    "Я бы предложил(а) работу в парах с взаимопроверкой,",
    "так как задание допускает несколько верных решений.",
    "Критерии оценивания следует сообщить до начала работы.",
  };
}
