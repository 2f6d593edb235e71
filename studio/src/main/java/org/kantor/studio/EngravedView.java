package org.kantor.studio;

import java.util.concurrent.CompletableFuture;
import javafx.concurrent.Worker;
import javafx.scene.web.WebEngine;
import javafx.scene.web.WebView;
import netscape.javascript.JSObject;

/**
 * The score as a musician reads it: OpenSheetMusicDisplay (packed into the jar, no network) engraves
 * MusicXML inside a WebView. Call on the JavaFX thread; each {@link #show} completes with the number of
 * measures engraved, or fails with the engraver's message.
 */
public final class EngravedView {

    private final WebView web = new WebView();
    private final CompletableFuture<Void> pageLoaded = new CompletableFuture<>();
    private CompletableFuture<Integer> pending;
    private int ticket;
    private double zoom = 1.0;

    public EngravedView() {
        WebEngine engine = web.getEngine();
        engine.getLoadWorker().stateProperty().addListener((obs, was, now) -> {
            if (now == Worker.State.SUCCEEDED) {
                pageLoaded.complete(null);
            } else if (now == Worker.State.FAILED) {
                pageLoaded.completeExceptionally(new IllegalStateException("the engraver's page did not load"));
            }
        });
        engine.titleProperty().addListener((obs, was, title) -> report(title));
        engine.load(EngravedView.class.getResource("web/engraved.html").toExternalForm());
    }

    public WebView node() {
        return web;
    }

    /** Engraves a score given as MusicXML; the future completes with the number of measures drawn. */
    public CompletableFuture<Integer> show(String musicXml) {
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
            JSObject window = (JSObject) web.getEngine().executeScript("window");
            ticket = ((Number) window.call("kantorRender", musicXml, zoom)).intValue();
        });
        return done;
    }

    /** 1.0 is the engraver's own size. */
    public void setZoom(double zoom) {
        this.zoom = zoom;
    }

    private void report(String title) {
        if (title == null || pending == null || pending.isDone()) {
            return;
        }
        String[] parts = title.split(":", 3);
        if (parts.length < 3 || !parts[1].equals(Integer.toString(ticket))) {
            return; // an older render finishing, or the page's own title
        }
        if (parts[0].equals("rendered")) {
            pending.complete(Integer.parseInt(parts[2]));
        } else if (parts[0].equals("error")) {
            pending.completeExceptionally(new IllegalArgumentException(parts[2]));
        }
    }
}
