package org.kantor.studio;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.awt.image.BufferedImage;
import java.nio.file.Files;
import java.nio.file.Path;
import javax.imageio.ImageIO;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The engraved view on a real score, offscreen: every measure drawn, ink on the page, a clear failure for what is not MusicXML. */
class EngravedViewTest {

    @BeforeAll
    static void platform() throws Exception {
        Offscreen.start();
    }

    @Test
    void theExampleChoraleIsEngravedMeasureForMeasure(@TempDir Path dir) throws Exception {
        String xml = Files.readString(Path.of("../examples/chorale.musicxml"));
        Path png = dir.resolve("chorale.png");
        int measures = ScoreScreenshot.engrave(xml, png, 1000, 700);
        assertEquals(4, measures);
        // kept beside the build for a person to look at
        Files.copy(png, Path.of("target/chorale-engraved.png"), java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        BufferedImage image = ImageIO.read(png.toFile());
        assertEquals(1000, image.getWidth());
        long ink = 0;
        for (int y = 0; y < image.getHeight(); y++) {
            for (int x = 0; x < image.getWidth(); x++) {
                int rgb = image.getRGB(x, y);
                int brightness = ((rgb >> 16) & 0xff) + ((rgb >> 8) & 0xff) + (rgb & 0xff);
                if (brightness < 200) {
                    ink++;
                }
            }
        }
        double share = (double) ink / (image.getWidth() * image.getHeight());
        assertTrue(share > 0.01 && share < 0.4, "staves, notes and text on a white page: " + share);
    }

    @Test
    void somethingThatIsNotMusicXmlFailsWithTheEngraversReason(@TempDir Path dir) {
        Path png = dir.resolve("x.png");
        IllegalArgumentException e = assertThrows(IllegalArgumentException.class,
                () -> ScoreScreenshot.engrave("<html>not a score</html>", png, 400, 300));
        assertFalse(e.getMessage().isBlank());
        assertFalse(Files.exists(png), "no half-written picture");
    }
}
