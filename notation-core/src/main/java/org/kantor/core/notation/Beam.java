package org.kantor.core.notation;

/** A beam's state at one note for one beam level, as MusicXML writes it. */
public enum Beam {
    BEGIN("begin"), CONTINUE("continue"), END("end"), FORWARD_HOOK("forward hook"), BACKWARD_HOOK("backward hook");

    private final String musicXmlName;

    Beam(String musicXmlName) {
        this.musicXmlName = musicXmlName;
    }

    public String musicXmlName() {
        return musicXmlName;
    }
}
