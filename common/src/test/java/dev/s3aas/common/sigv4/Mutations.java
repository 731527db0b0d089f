package dev.s3aas.common.sigv4;

import java.util.ArrayList;
import java.util.List;

/** Single-character changes used to show that every signed byte is covered. */
final class Mutations {
    private Mutations() {
    }

    /** One variant per position, with that character's lowest bit flipped. */
    static List<String> flipEach(String s) {
        List<String> variants = new ArrayList<>(s.length());
        for (int i = 0; i < s.length(); i++) {
            variants.add(flipAt(s, i));
        }
        return variants;
    }

    static String flipAt(String s, int i) {
        char[] chars = s.toCharArray();
        chars[i] ^= 1;
        return new String(chars);
    }
}
