package io.marquee.personalize.server.filter;

import java.util.ArrayList;
import java.util.List;

/** Splits a filter expression into tokens; a character that starts no token is an error. */
final class Tokenizer {

    private Tokenizer() {
    }

    static List<Token> tokenize(String text) {
        List<Token> tokens = new ArrayList<>();
        int i = 0;
        while (i < text.length()) {
            char c = text.charAt(i);
            if (Character.isWhitespace(c)) {
                i++;
            } else if (c == '"' || c == '\'') {
                int end = text.indexOf(c, i + 1);
                if (end < 0) {
                    throw new FilterSyntaxException("the string starting at position " + i + " is not closed");
                }
                tokens.add(new Token(Token.Type.STRING, text.substring(i + 1, end), i));
                i = end + 1;
            } else if (c == '$') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                if (end == i + 1) {
                    throw new FilterSyntaxException("'$' at position " + i + " must be followed by a parameter name");
                }
                tokens.add(new Token(Token.Type.PARAM, text.substring(i + 1, end), i));
                i = end;
            } else if (Character.isDigit(c) || (c == '-' && i + 1 < text.length() && Character.isDigit(text.charAt(i + 1)))) {
                int end = i + 1;
                while (end < text.length() && (Character.isDigit(text.charAt(end)) || text.charAt(end) == '.')) {
                    end++;
                }
                tokens.add(new Token(Token.Type.NUMBER, text.substring(i, end), i));
                i = end;
            } else if (Character.isLetter(c) || c == '_') {
                int end = i + 1;
                while (end < text.length() && (Character.isLetterOrDigit(text.charAt(end)) || text.charAt(end) == '_')) {
                    end++;
                }
                tokens.add(new Token(Token.Type.WORD, text.substring(i, end), i));
                i = end;
            } else if (c == '<' || c == '>' || c == '!' || c == '=') {
                String op = i + 1 < text.length() && text.charAt(i + 1) == '=' && c != '=' ? text.substring(i, i + 2)
                        : String.valueOf(c);
                if (op.equals("!")) {
                    throw new FilterSyntaxException("'!' at position " + i + " must be followed by '='");
                }
                tokens.add(new Token(Token.Type.OPERATOR, op, i));
                i += op.length();
            } else {
                Token.Type type = switch (c) {
                    case '(' -> Token.Type.LPAREN;
                    case ')' -> Token.Type.RPAREN;
                    case ',' -> Token.Type.COMMA;
                    case '.' -> Token.Type.DOT;
                    case '|' -> Token.Type.PIPE;
                    default -> throw new FilterSyntaxException("unexpected character '" + c + "' at position " + i);
                };
                tokens.add(new Token(type, String.valueOf(c), i));
                i++;
            }
        }
        tokens.add(new Token(Token.Type.END, "", text.length()));
        return tokens;
    }
}
