package org.kantor.core;

/** One syllable of a lyric line under a note. {@code syllabic} is single, begin, middle or end. */
public record Lyric(String verse, String text, String syllabic) {
}
