package cn.kexie.capability.publicity;

import java.awt.BasicStroke;
import java.awt.Color;
import java.awt.Graphics2D;
import java.awt.RenderingHints;
import java.awt.geom.AffineTransform;
import java.awt.geom.CubicCurve2D;
import java.awt.geom.Path2D;
import java.awt.image.BufferedImage;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;
import java.util.Random;
import javax.imageio.ImageIO;

/**
 * The picture of a CAPTCHA (验证码): letters and digits drawn as strokes, each turned, slanted and
 * shifted on its own, over crossing curves and speckles, and the whole warped by a wave, as a PNG.
 * The glyphs are drawn from the outlines below rather than from a font, so the picture needs no
 * font on the server (a headless container often has none). Only characters that cannot be
 * mistaken for one another are used (no 0/O/D, 1/I/L, 2/Z, 5/S, 8/B, 6/G, U/V).
 */
final class CaptchaImage {

    static final int WIDTH = 180;
    static final int HEIGHT = 60;

    /** Each character as strokes on a grid 4 wide and 6 high, y downwards; each row of numbers is one stroke. */
    private static final Map<Character, double[][]> GLYPHS = Map.ofEntries(
            Map.entry('3', new double[][] {{0, 0, 4, 0, 2, 2.6, 4, 4, 3, 6, 0, 6}}),
            Map.entry('4', new double[][] {{3, 6, 3, 0, 0, 4, 4, 4}}),
            Map.entry('7', new double[][] {{0, 0, 4, 0, 1.2, 6}}),
            Map.entry('9', new double[][] {{4, 3, 0.6, 3, 0, 2, 0, 0.6, 0.6, 0, 3.4, 0, 4, 0.6, 4, 6, 0.5, 6}}),
            Map.entry('A', new double[][] {{0, 6, 2, 0, 4, 6}, {0.8, 3.8, 3.2, 3.8}}),
            Map.entry('C', new double[][] {{4, 0.4, 3.4, 0, 0.6, 0, 0, 0.8, 0, 5.2, 0.6, 6, 3.4, 6, 4, 5.6}}),
            Map.entry('E', new double[][] {{4, 0, 0, 0, 0, 6, 4, 6}, {0, 3, 3, 3}}),
            Map.entry('F', new double[][] {{4, 0, 0, 0, 0, 6}, {0, 2.8, 3, 2.8}}),
            Map.entry('H', new double[][] {{0, 0, 0, 6}, {4, 0, 4, 6}, {0, 3, 4, 3}}),
            Map.entry('K', new double[][] {{0, 0, 0, 6}, {4, 0, 0, 3.6}, {1.4, 2.6, 4, 6}}),
            Map.entry('M', new double[][] {{0, 6, 0, 0, 2, 3.4, 4, 0, 4, 6}}),
            Map.entry('N', new double[][] {{0, 6, 0, 0, 4, 6, 4, 0}}),
            Map.entry('P', new double[][] {{0, 6, 0, 0, 3.4, 0, 4, 0.6, 4, 2.6, 3.4, 3.2, 0, 3.2}}),
            Map.entry('R', new double[][] {{0, 6, 0, 0, 3.4, 0, 4, 0.6, 4, 2.6, 3.4, 3.2, 0, 3.2}, {1.8, 3.2, 4, 6}}),
            Map.entry('T', new double[][] {{0, 0, 4, 0}, {2, 0, 2, 6}}),
            Map.entry('W', new double[][] {{0, 0, 1, 6, 2, 2.4, 3, 6, 4, 0}}),
            Map.entry('X', new double[][] {{0, 0, 4, 6}, {4, 0, 0, 6}}),
            Map.entry('Y', new double[][] {{0, 0, 2, 3}, {4, 0, 2, 3, 2, 6}}));

    static final String ALPHABET = "3479ACEFHKMNPRTWXY";

    private CaptchaImage() {
    }

    static byte[] png(String text, Random random) {
        BufferedImage image = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        Graphics2D g = image.createGraphics();
        try {
            g.setRenderingHint(RenderingHints.KEY_ANTIALIASING, RenderingHints.VALUE_ANTIALIAS_ON);
            g.setColor(new Color(235 + random.nextInt(20), 235 + random.nextInt(20), 225 + random.nextInt(30)));
            g.fillRect(0, 0, WIDTH, HEIGHT);
            for (int i = 0; i < 220; i++) {
                g.setColor(new Color(random.nextInt(160, 230), random.nextInt(160, 230), random.nextInt(160, 230)));
                g.fillRect(random.nextInt(WIDTH), random.nextInt(HEIGHT), 2, 2);
            }
            curves(g, random, 4, 1.2f, 120);
            double slot = (WIDTH - 20.0) / text.length();
            for (int i = 0; i < text.length(); i++) {
                double[][] strokes = GLYPHS.get(text.charAt(i));
                if (strokes == null) {
                    throw new IllegalArgumentException("no glyph for " + text.charAt(i));
                }
                double scale = random.nextDouble(5.0, 5.8);
                AffineTransform at = new AffineTransform();
                at.translate(10 + slot * i + slot / 2 + random.nextDouble(-3, 3), HEIGHT / 2.0 + random.nextDouble(-3, 3));
                at.rotate(random.nextDouble(-0.3, 0.3));
                at.shear(random.nextDouble(-0.25, 0.25), random.nextDouble(-0.1, 0.1));
                at.scale(scale * random.nextDouble(0.8, 1.0), scale);
                at.translate(-2, -3);
                Path2D glyph = new Path2D.Double();
                for (double[] stroke : strokes) {
                    glyph.moveTo(stroke[0], stroke[1]);
                    for (int p = 2; p < stroke.length; p += 2) {
                        glyph.lineTo(stroke[p], stroke[p + 1]);
                    }
                }
                g.setColor(new Color(random.nextInt(10, 110), random.nextInt(10, 110), random.nextInt(10, 110)));
                g.setStroke(new BasicStroke((float) random.nextDouble(2.4, 3.6), BasicStroke.CAP_ROUND, BasicStroke.JOIN_ROUND));
                g.draw(at.createTransformedShape(glyph));
            }
            curves(g, random, 2, 1.8f, 40);
        } finally {
            g.dispose();
        }
        return encode(warp(image, random));
    }

    /** Curves across the picture, in colours from dark ({@code 0}) to light. */
    private static void curves(Graphics2D g, Random random, int count, float width, int darkest) {
        g.setStroke(new BasicStroke(width));
        for (int i = 0; i < count; i++) {
            g.setColor(new Color(random.nextInt(darkest, darkest + 90), random.nextInt(darkest, darkest + 90),
                    random.nextInt(darkest, darkest + 90)));
            g.draw(new CubicCurve2D.Double(0, random.nextInt(HEIGHT), random.nextInt(WIDTH / 2), random.nextInt(HEIGHT),
                    random.nextInt(WIDTH / 2, WIDTH), random.nextInt(HEIGHT), WIDTH, random.nextInt(HEIGHT)));
        }
    }

    /** Shifts each column up or down along a sine wave of random length and phase. */
    private static BufferedImage warp(BufferedImage source, Random random) {
        BufferedImage out = new BufferedImage(WIDTH, HEIGHT, BufferedImage.TYPE_INT_RGB);
        double period = random.nextDouble(50, 90);
        double phase = random.nextDouble(0, 2 * Math.PI);
        double amplitude = random.nextDouble(2.5, 4.5);
        for (int x = 0; x < WIDTH; x++) {
            int dy = (int) Math.round(amplitude * Math.sin(2 * Math.PI * x / period + phase));
            for (int y = 0; y < HEIGHT; y++) {
                int sy = Math.min(HEIGHT - 1, Math.max(0, y + dy));
                out.setRGB(x, y, source.getRGB(x, sy));
            }
        }
        return out;
    }

    private static byte[] encode(BufferedImage image) {
        try {
            ByteArrayOutputStream png = new ByteArrayOutputStream();
            ImageIO.write(image, "png", png);
            return png.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
