package org.kantor.core;

import java.util.Comparator;
import java.util.List;

/** Several notes struck together in one voice with one written duration, lowest first. */
public record Chord(List<Note> notes) implements MusicEvent {

    public Chord {
        if (notes == null || notes.size() < 2) {
            throw new IllegalArgumentException("a chord has at least two notes");
        }
        notes = notes.stream().sorted(Comparator.comparing(Note::pitch)).toList();
    }

    @Override
    public Rational offset() {
        return notes.get(0).offset();
    }

    @Override
    public Rational length() {
        return notes.get(0).length();
    }

    @Override
    public Duration duration() {
        return notes.get(0).duration();
    }

    @Override
    public int staff() {
        return notes.get(0).staff();
    }

    @Override
    public boolean fermata() {
        return notes.stream().anyMatch(Note::fermata);
    }
}
