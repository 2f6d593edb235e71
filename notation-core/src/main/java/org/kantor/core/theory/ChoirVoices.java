package org.kantor.core.theory;

/** The four voices of chorale writing, top to bottom, as Kantor names them everywhere (parameters, messages, JSON). */
public final class ChoirVoices {

    public static final int COUNT = 4;
    public static final String[] NAMES = {"soprano", "alto", "tenor", "bass"};

    private ChoirVoices() {
    }
}
