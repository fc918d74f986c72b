package cn.kexie.capability.publicity;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.ValueSource;

/** The contacts and characters the public objection form accepts, case by case. */
class ObjectionRulesTest {

    @ParameterizedTest(name = "{0} is reached as {1}")
    @CsvSource(delimiter = '|', textBlock = """
            13812345678               | 13812345678
            138 1234 5678             | 13812345678
            138-1234-5678             | 13812345678
            +86 138 1234 5678         | 13812345678
            +8613812345678            | 13812345678
            8613812345678             | 13812345678
            0086 13812345678          | 13812345678
            (+86) 19912345678         | 19912345678
            １３８１２３４５６７８       | 13812345678
            0735-2881234              | 07352881234
            0735 2881234              | 07352881234
            07352881234               | 07352881234
            (0735)2881234             | 07352881234
            （０７３５）２８８１２３４    | 07352881234
            010-62345678              | 01062345678
            0755-8888 6666            | 075588886666
            0735-2881234-801          | 07352881234-801
            0735-2881234转801         | 07352881234-801
            0735-2881234 ext. 12      | 07352881234-12
            zhangsan@example.cn       | zhangsan@example.cn
            Zhang.San+objection@Mail.Example.COM | zhang.san+objection@mail.example.com
            li_si@xn--fiqs8s.cn       | li_si@xn--fiqs8s.cn
            ｗａｎｇ＠ｅｘａｍｐｌｅ．ｃｎ | wang@example.cn
            """)
    void acceptsMobileLandlineAndEmail(String typed, String key) {
        assertThat(ObjectionRules.contact(typed)).get().extracting(ObjectionRules.Contact::key)
                .isEqualTo(key.replace(" ", ""));
    }

    @ParameterizedTest(name = "refuses \"{0}\"")
    @ValueSource(strings = {
        "", " ", "12345", "- - -", "---------", "+86", "1381234567", "138123456789", "12812345678",
        "23812345678", "+1 415 555 0100", "2881234", "0735", "0735-1881234", "0735-0881234", "0735-28812",
        "0735-288123456", "0735-2-881234", "0735-28-81234", "735-2881234", "0735-2881234-1234567", "13812345678 or 13912345678",
        "zhangsan", "zhangsan@", "@example.cn", "zhangsan@example", "zhang san@example.cn", "zhangsan@@example.cn",
        ".zhangsan@example.cn", "zhang..san@example.cn", "zhangsan.@example.cn", "zhangsan@-example.cn",
        "zhangsan@example..cn", "zhangsan@example.c", "张三@example.cn", "138\u00001234 5678", "zhangsan@exam\u200bple.cn",
        "13812345678\u202e", "see my profile", "微信 zhangsan123", "QQ 12345678"})
    void refusesAnythingElse(String typed) {
        assertThat(ObjectionRules.contact(typed)).isEmpty();
    }

    @org.junit.jupiter.api.Test
    void aContactOfMoreThanAHundredCharactersIsRefused() {
        String local = "a".repeat(89);
        assertThat(ObjectionRules.contact(local + "@example.cn")).isPresent();
        assertThat(ObjectionRules.contact(local + "x@example.cn")).isEmpty();
    }

    @ParameterizedTest(name = "single line \"{0}\" refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            张三                | false
            欧阳·娜娜            | false
            Zhang San          | false
            张\\u0000三          | true
            张三\\u0007          | true
            张\\t三              | true
            张\\n三              | true
            张\\u0085三          | true
            张\\u200b三          | true
            张\\u202e三          | true
            张\\u2028三          | true
            张\\ud800三          | true
            张\\uffff三          | true
            """)
    void singleLinesRefuseControlAndFormattingCharacters(String text, boolean refused) {
        assertThat(ObjectionRules.hasForbiddenCharacters(unescape(text), false)).isEqualTo(refused);
    }

    @ParameterizedTest(name = "long text \"{0}\" refused: {1}")
    @CsvSource(delimiter = '|', textBlock = """
            第一段。\\n第二段。           | false
            第一段。\\r\\n\\t第二段。       | false
            家庭 \\ud83d\\udc68\\u200d\\ud83d\\udc69\\u200d\\ud83d\\udc67 | false
            第一段。\\u0000            | true
            第一段。\\u001b[31m        | true
            第一段。\\u007f            | true
            \\u202e。段一第            | true
            \\u2066隔离\\u2069           | true
            半个\\udc00代理对            | true
            """)
    void longTextsKeepLineBreaksAndTabsOnly(String text, boolean refused) {
        assertThat(ObjectionRules.hasForbiddenCharacters(unescape(text), true)).isEqualTo(refused);
    }

    /** The tables hold escapes as text (backslash u XXXX, backslash n, r, t): here they become the characters. */
    private static String unescape(String s) {
        StringBuilder out = new StringBuilder();
        for (int i = 0; i < s.length(); i++) {
            char c = s.charAt(i);
            if (c == '\\' && i + 1 < s.length()) {
                char next = s.charAt(i + 1);
                if (next == 'u') {
                    out.append((char) Integer.parseInt(s.substring(i + 2, i + 6), 16));
                    i += 5;
                    continue;
                }
                if (next == 'n' || next == 'r' || next == 't') {
                    out.append(next == 'n' ? '\n' : next == 'r' ? '\r' : '\t');
                    i++;
                    continue;
                }
            }
            out.append(c);
        }
        return out.toString();
    }
}
