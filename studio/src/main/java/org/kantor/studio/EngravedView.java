package org.kantor.studio;

import java.util.concurrent.CompletableFuture;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * The score as a musician reads it: OpenSheetMusicDisplay (packed into the jar, no network) engraves
 * MusicXML inside a WebView. Call on the JavaFX thread; each {@link #show} completes with the number of
 * measures engraved, or fails with the engraver's message. A click selects measures ({@link #selection}).
 */
public final class EngravedView {

    private final WebView web = new WebView();
    private final CompletableFuture<Void> pageLoaded = new CompletableFuture<>();
    private CompletableFuture<Integer> pending;
    private final Bridge bridge = new Bridge();
    private int ticket;
    private double zoom = 1.0;
    private boolean pages;
    private int[] staves;
    private final javafx.beans.property.ReadOnlyObjectWrapper<int[]> selection = new javafx.beans.property.ReadOnlyObjectWrapper<>();

    public EngravedView() {
        WebEngine engine = web.getEngine();
        engine.getLoadWorker().stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                ((JSObject) engine.executeScript("window")).setMember("kantorJava", bridge);
                pageLoaded.complete(null);
            } else if (now == Worker.State.FAILED) {
                pageLoaded.completeExceptionally(new IllegalStateException("the engraver's page did not load"));
            }
        });
        engine.load(EngravedView.class.getResource("web/engraved.html").toExternalForm());
    }

    public WebView node() {
        return web;
    }

    /** Engraves a score given as MusicXML; the future completes with the number of measures drawn. */
    public CompletableFuture<Integer> show(String musicXml) {
        return draw("kantorRender", musicXml, zoom);
    }

    /**
     * Draws the score shown again at another size, on A4 pages ({@code pages}) or as one continuous page; completes with
     * the number of measures drawn (0 when no score is shown).
     */
    public CompletableFuture<Integer> layout(double newZoom, boolean pages) {
        this.zoom = newZoom;
        this.pages = pages;
        return draw("kantorLayout", newZoom, pages);
    }

    /** Calls one of the page's drawing functions once the page is loaded; a drawing asked for later replaces this one. */
    private CompletableFuture<Integer> draw(String function, Object... arguments) {
        CompletableFuture<Integer> done = new CompletableFuture<>();
        pageLoaded.whenComplete((ok, failure) -> {
            if (failure != null) {
                done.completeExceptionally(failure);
                return;
            }
            if (pending != null && !pending.isDone()) {
                pending.cancel(false);
            }
            pending = done;
            // the page numbers its drawings 1, 2, 3 ... as they are asked for; known before the call, since a failure may be reported during it
            ticket++;
            ((JSObject) web.getEngine().executeScript("window")).call(function, arguments);
        });
        return done;
    }

    public boolean pages() {
        return pages;
    }

    /** Puts the playback cursor on the notes struck last at {@code quarters} quarter notes into measure {@code measure} (from 0). */
    public void showCursor(int measure, double quarters) {
        web.getEngine().executeScript("kantorCursor(" + measure + "," + quarters / 4 + ")");
    }

    public void hideCursor() {
        web.getEngine().executeScript("kantorHideCursor()");
    }

    /** Whether the playback cursor is drawn, for tests. */
    boolean cursorShown() {
        return (Boolean) web.getEngine().executeScript("document.querySelectorAll('.kantor-cursor').length > 0");
    }

    /**
     * Colours red the notes sounding at {@code quarters} quarter notes into measure {@code measure} (from 0) in the staves
     * of the voices given (0 soprano to 3 bass; empty: every staff), and scrolls to them; returns how many were coloured.
     */
    public int markNotes(int measure, double quarters, java.util.List<Integer> voices) {
        StringBuilder staves = new StringBuilder("[");
        int staffCount = staffCount();
        for (int v : voices) {
            staves.append(staves.length() > 1 ? "," : "").append(FourPartStaves.staffOf(v, staffCount));
        }
        staves.append("]");
        return ((Number) web.getEngine().executeScript("kantorMarkNotes(" + measure + "," + quarters / 4 + "," + staves + ")")).intValue();
    }

    /** The measures selected (indices from 0, first and last), or null: set by clicks in the view or by {@link #select}. */
    public javafx.beans.property.ReadOnlyObjectProperty<int[]> selection() {
        return selection.getReadOnlyProperty();
    }

    /** The staves selected (indices from 0, first and last, counted down the page), or null when the selection spans them all. */
    public int[] selectedStaves() {
        return staves;
    }

    /** How many staves a system of the score shown has. */
    public int staffCount() {
        return ((Number) web.getEngine().executeScript(
                "osmd && osmd.GraphicSheet && osmd.GraphicSheet.MeasureList.length > 0 ? osmd.GraphicSheet.MeasureList[0].length : 0")).intValue();
    }

    /** Selects measures {@code first..last} (indices from 0) of staves {@code staffFrom..staffTo} only, and shades them. */
    public void select(int first, int last, int staffFrom, int staffTo) {
        web.getEngine().executeScript("kantorSelectStaves(" + first + "," + last + "," + staffFrom + "," + staffTo + ")");
    }

    /** Selects measures {@code first..last} (indices from 0) and shades them; -1 clears the selection. */
    public void select(int first, int last) {
        web.getEngine().executeScript("kantorSelect(" + first + "," + last + ")");
    }

    /** How many selection shades the page shows (one per measure), for tests. */
    int shadesShown() {
        return ((Number) web.getEngine().executeScript("document.querySelectorAll('.kantor-selection').length")).intValue();
    }

    /**
     * What the page calls back, on the JavaFX thread. Public for the page's script; held by the view, since the page
     * keeps only a weak reference to it.
     */
    public final class Bridge {
        public void rendered(int ticket, int measures) {
            if (pending != null && !pending.isDone() && ticket == EngravedView.this.ticket) {
                pending.complete(measures);
            }
        }

        public void failed(int ticket, String why) {
            if (pending != null && !pending.isDone() && ticket == EngravedView.this.ticket) {
                pending.completeExceptionally(new IllegalArgumentException(why));
            }
        }

        public void selected(int first, int last, int staffFrom, int staffTo) {
            // the staves first: whoever hears of a new selection reads them with it
            staves = first < 0 || staffFrom < 0 ? null : new int[] {staffFrom, staffTo};
            selection.set(first < 0 ? null : new int[] {first, last});
        }
    }
}
