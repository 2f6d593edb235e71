package org.kantor.musicxml;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.util.List;
import java.util.regex.Pattern;
import jakarta.xml.bind.JAXBElement;
import org.audiveris.proxymusic.Credit;
import org.audiveris.proxymusic.FormattedText;
import org.audiveris.proxymusic.Identification;
import org.audiveris.proxymusic.LeftCenterRight;
import org.audiveris.proxymusic.ObjectFactory;
import org.audiveris.proxymusic.ScorePartwise;
import org.audiveris.proxymusic.TypedText;
import org.audiveris.proxymusic.Valign;

/**
 * Who arranged a score, as its first page and its metadata say it. A tool that writes voices anew
 * replaces a credit such as "Harmonized by J.S. Bach", which would no longer be true, with its own.
 */
public final class Credits {

    /** Credit words that name whoever set the voices: harmonized, harmonised, arranged, arr., Satz, Bearbeitung. */
    private static final Pattern ARRANGER_WORDS = Pattern.compile("(?i)harmoni[sz]|arrang|\\barr\\.|\\bsatz\\b|bearb");

    private static final ObjectFactory FACTORY = new ObjectFactory();

    private Credits() {
    }

    /**
     * Replaces the arranger's credits of the first page and the identification's arranger with {@code text},
     * printed where the old credit was, or on the left level with the composer's credit; a score that prints no
     * credits gets it in its metadata only.
     */
    public static void setArranger(ScoreDocument doc, String text) throws ScoreFileException {
        ScorePartwise tree = doc.tree();
        FormattedText composer = null;
        FormattedText replaced = null;
        List<Credit> credits = tree.getCredit();
        for (Credit c : List.copyOf(credits)) {
            if (names(c, "arranger") || wordsMatch(c)) {
                credits.remove(c);
                replaced = replaced == null ? words(c) : replaced;
            } else if (names(c, "composer") && composer == null) {
                composer = words(c);
            }
        }
        Credit credit = FACTORY.createCredit();
        credit.setPage(BigInteger.ONE);
        credit.getCreditTypeOrLinkOrBookmark().add(FACTORY.createCreditCreditType("arranger"));
        FormattedText words = FACTORY.createFormattedText();
        words.setValue(text);
        words.setJustify(LeftCenterRight.RIGHT);
        words.setValign(Valign.TOP);
        if (replaced != null && replaced.getDefaultX() != null && replaced.getDefaultY() != null) {
            // where the old credit was printed, in its font: the page keeps its layout
            words.setDefaultX(replaced.getDefaultX());
            words.setDefaultY(replaced.getDefaultY());
            words.setJustify(replaced.getJustify());
            words.setFontFamily(replaced.getFontFamily());
            words.setFontSize(replaced.getFontSize());
        } else if (composer != null && composer.getDefaultY() != null && leftMargin(tree) != null) {
            // level with the composer, on the left where a lyricist or arranger is printed (notation programs stack right-hand credits)
            words.setJustify(LeftCenterRight.LEFT);
            words.setDefaultX(leftMargin(tree));
            words.setDefaultY(composer.getDefaultY());
            words.setValign(composer.getValign());
            words.setFontSize(composer.getFontSize());
        }
        credit.getCreditTypeOrLinkOrBookmark().add(FACTORY.createCreditCreditWords(words));
        // a score that prints no credits has its first page made from the metadata (title, composer, lyricist): a single
        // credit would take the place of all of them, so the arranger then goes into the metadata alone
        if (!credits.isEmpty() || replaced != null) {
            credits.add(credit);
        }

        Identification id = tree.getIdentification();
        if (id == null) {
            id = FACTORY.createIdentification();
            tree.setIdentification(id);
        }
        // an arranger entry that says something else (where the score was transcribed from) stays
        id.getCreator().removeIf(c -> c.getValue() != null && ARRANGER_WORDS.matcher(c.getValue()).find()
                && !c.getValue().toLowerCase(java.util.Locale.ROOT).contains("transcri"));
        TypedText arranger = FACTORY.createTypedText();
        arranger.setType("arranger");
        arranger.setValue(text);
        id.getCreator().add(arranger);
        doc.treeChanged(tree);
    }

    private static BigDecimal leftMargin(ScorePartwise tree) {
        if (tree.getDefaults() == null || tree.getDefaults().getPageLayout() == null) {
            return null;
        }
        return tree.getDefaults().getPageLayout().getPageMargins().stream().map(m -> m.getLeftMargin()).filter(java.util.Objects::nonNull)
                .findFirst().orElse(null);
    }

    private static boolean names(Credit c, String type) {
        for (JAXBElement<?> e : c.getCreditTypeOrLinkOrBookmark()) {
            if (e.getName().getLocalPart().equals("credit-type") && type.equals(e.getValue())) {
                return true;
            }
        }
        return false;
    }

    private static boolean wordsMatch(Credit c) {
        FormattedText w = words(c);
        return w != null && w.getValue() != null && ARRANGER_WORDS.matcher(w.getValue()).find();
    }

    private static FormattedText words(Credit c) {
        for (JAXBElement<?> e : c.getCreditTypeOrLinkOrBookmark()) {
            if (e.getValue() instanceof FormattedText ft && e.getName().getLocalPart().equals("credit-words")) {
                return ft;
            }
        }
        return null;
    }
}
