package io.marquee.personalize.server.filter;

/** One lexical token of a filter expression, with its position (0-based) for error messages. */
record Token(Type type, String text, int position) {

    enum Type { WORD, STRING, NUMBER, PARAM, LPAREN, RPAREN, COMMA, DOT, PIPE, OPERATOR, END }

    boolean is(Type t) {
        return type == t;
    }

    /** A keyword, case-insensitively (Personalize writes them upper case; people do not always). */
    boolean isWord(String word) {
        return type == Type.WORD && text.equalsIgnoreCase(word);
    }
}
