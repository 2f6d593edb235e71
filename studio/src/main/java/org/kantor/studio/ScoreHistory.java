package org.kantor.studio;

import java.util.ArrayList;
import java.util.List;

/**
 * Every version of the score a session has made, one per tool run: undo and redo step through whole
 * versions, a new version after an undo drops the ones undone, and the version last saved is remembered
 * so that closing can ask about unsaved changes.
 *
 * @param <S> a score version (the studio keeps its MusicXML)
 */
public final class ScoreHistory<S> {

    /** A version and what made it ("Harmonize", "Opened bwv1.6.mxl"). */
    public record Version<S>(S score, String label) {
    }

    private final List<Version<S>> versions = new ArrayList<>();
    private int current = -1;
    private int saved = -1;

    /** Starts over with a score just opened (it counts as saved) or just made (it does not). */
    public void open(S score, String label, boolean saved) {
        versions.clear();
        versions.add(new Version<>(score, label));
        current = 0;
        this.saved = saved ? 0 : -1;
    }

    /** A tool's result becomes the current version; versions undone before it are dropped. */
    public void push(S score, String label) {
        while (versions.size() > current + 1) {
            versions.remove(versions.size() - 1);
        }
        if (saved > current) {
            saved = -1;
        }
        versions.add(new Version<>(score, label));
        current = versions.size() - 1;
    }

    public S current() {
        return versions.get(current).score();
    }

    public boolean canUndo() {
        return current > 0;
    }

    public boolean canRedo() {
        return current + 1 < versions.size();
    }

    /** Steps back; returns the label of the step undone. */
    public String undo() {
        if (!canUndo()) {
            throw new IllegalStateException("nothing to undo");
        }
        return versions.get(current--).label();
    }

    /** Steps forward again; returns the label of the step redone. */
    public String redo() {
        if (!canRedo()) {
            throw new IllegalStateException("nothing to redo");
        }
        return versions.get(++current).label();
    }

    public void markSaved() {
        saved = current;
    }

    /** Whether the current version differs from the one last opened or saved. */
    public boolean modified() {
        return current != saved;
    }

    public boolean isEmpty() {
        return versions.isEmpty();
    }
}
