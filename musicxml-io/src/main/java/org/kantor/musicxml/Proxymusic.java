package org.kantor.musicxml;

import jakarta.xml.bind.Binder;
import jakarta.xml.bind.JAXBContext;
import jakarta.xml.bind.JAXBException;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.util.Marshalling;
import org.w3c.dom.Node;

/** The proxymusic JAXB context, created once because creating it costs about a second. */
final class Proxymusic {

    private static volatile JAXBContext context;

    private Proxymusic() {
    }

    static JAXBContext context() {
        JAXBContext c = context;
        if (c == null) {
            synchronized (Proxymusic.class) {
                c = context;
                if (c == null) {
                    try {
                        c = Marshalling.getContext(ScorePartwise.class);
                    } catch (JAXBException e) {
                        throw new IllegalStateException("proxymusic's JAXB context cannot be created", e);
                    }
                    context = c;
                }
            }
        }
        return c;
    }

    static Binder<Node> newBinder() {
        Binder<Node> binder = context().createBinder();
        try {
            // unknown or invalid content is kept in the DOM and simply not mapped; never abort on it
            binder.setEventHandler(event -> true);
        } catch (JAXBException e) {
            throw new IllegalStateException(e);
        }
        return binder;
    }
}
