package org.pacarbon.map.core.tests;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import org.junit.jupiter.api.Test;
import org.locationtech.jts.geom.Envelope;
import org.pacarbon.map.core.MapRenderer.View;
import org.pacarbon.map.core.ViewPlacement;

/**
 * Where the picture of the last view goes while a new extent is drawn; every expected rectangle worked out by hand from
 * the two extents (a picture of x 0..100, y 0..50 drawn at 200 x 100 pixels: 2 pixels per map unit).
 */
public final class ViewPlacementTest {
    private static final View DRAWN = new View(new Envelope(0, 100, 0, 50), 200, 100);

    @Test
    void zoomedOutTheOldPictureShrinksIntoItsPlace() {
        // x -100..200, y -50..100 at 300 x 150: 1 pixel per unit; the picture's top left (0, 50) is at pixel (100, 50)
        View now = new View(new Envelope(-100, 200, -50, 100), 300, 150);
        assertArrayEquals(new int[] {0, 0, 200, 100, 100, 50, 100, 50}, ViewPlacement.of(DRAWN, now));
    }

    @Test
    void zoomedInOnlyThePartUnderTheNewExtentIsEnlarged() {
        // x 25..50, y 25..37.5 at 200 x 100: 8 pixels per unit, 4 per picture pixel; the picture's pixels 50..100
        // (x 25..50) and 25..50 (y 37.5..25) fill the canvas
        View now = new View(new Envelope(25, 50, 25, 37.5), 200, 100);
        assertArrayEquals(new int[] {50, 25, 50, 25, 0, 0, 200, 100}, ViewPlacement.of(DRAWN, now));
    }

    @Test
    void zoomedInBetweenPicturePixelsTheSourceIsRoundedOutward() {
        // x 10.25..20.25 at 40 pixels: 4 canvas pixels per unit, 2 per picture pixel; picture x 10.25 is its pixel 20.5,
        // so pixels 20..40 are taken and the first starts a canvas pixel left of the canvas (-1)
        View now = new View(new Envelope(10.25, 20.25, 40, 50), 40, 40);
        assertArrayEquals(new int[] {20, 0, 21, 20, -1, 0, 42, 40}, ViewPlacement.of(DRAWN, now));
    }

    @Test
    void pannedTheOldPictureMoves() {
        // the same scale, 30 units east and 10 north: the picture moves 60 pixels left and 20 down; its left 60 pixels
        // are off the canvas, and its bottom 20 too
        View now = new View(new Envelope(30, 130, 10, 60), 200, 100);
        assertArrayEquals(new int[] {60, 0, 140, 80, 0, 20, 140, 80}, ViewPlacement.of(DRAWN, now));
    }

    @Test
    void aViewWithNothingOfThePictureGetsNothing() {
        assertNull(ViewPlacement.of(DRAWN, new View(new Envelope(500, 600, 0, 50), 200, 100)));
        assertNull(ViewPlacement.of(DRAWN, new View(new Envelope(), 200, 100)));
    }
}
