package cn.kexie.capability.common;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.common.UserError.Problem;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The character rules and the walk through arguments, without the application. */
class InputHygieneTest {

    record Line(String item, String note) {
    }

    record Form(String title, String comment, List<Line> lines, Map<String, Object> declared) {
    }

    static class Bean {
        private String description = "ok";
        private final Bean self = this;
    }

    @Test
    void multiLineTextsKeepTabsAndLineBreaksOneLineValuesDoNot() {
        assertThat(CleanText.isClean("第一行\n第二行\r\n\t缩进", false)).isTrue();
        assertThat(CleanText.isClean("第一行\n第二行", true)).isFalse();
        assertThat(CleanText.isClean("名称\t", true)).isFalse();
        assertThat(CleanText.isClean("emoji 😀 and 中文", true)).isTrue();
    }

    @Test
    void controlCharactersAreRefusedEverywhere() {
        for (char c : new char[] {0, 1, 7, 0x1B, 0x1F, 0x7F, 0x80, 0x85, 0x9F, '\uD800', '\uDFFF'}) {
            assertThat(CleanText.firstForbidden("ab" + c + "cd", false)).as(CleanText.codeOf(c)).isEqualTo(2);
        }
        assertThat(CleanText.firstForbidden("ab\u00A0cd", true)).isEqualTo(-1);
    }

    @Test
    void problemsNameTheFieldByItsLabelOneProblemPerField() {
        Form form = new Form("标题\u0000", "意见\u0001", List.of(new Line("会议费\n", "说明")),
                Map.of("servicePoint", "站点\u0007"));
        List<Problem> problems = InputHygiene.problems("application", new String[] {"draft"}, new Object[] {form});
        assertThat(problems).extracting(Problem::key).containsExactly(InputHygiene.CONTROL_CHARACTER,
                InputHygiene.CONTROL_CHARACTER, InputHygiene.LINE_BREAK, InputHygiene.CONTROL_CHARACTER);
        assertThat(Messages.describe(Messages.CHINESE, new UserError(problems))).isEqualTo(String.join("\n",
                "“项目名称”含有不允许的控制字符（U+0000，第 3 个字符），可能是从其他文档复制时带入的。请删除该字符后重试，未保存任何内容。",
                "“意见”含有不允许的控制字符（U+0001，第 3 个字符），可能是从其他文档复制时带入的。请删除该字符后重试，未保存任何内容。",
                "“预算科目”只能填写一行，不能含换行符或制表符（第 4 个字符）。未保存任何内容。",
                "“申报信息”含有不允许的控制字符（U+0007，第 3 个字符），可能是从其他文档复制时带入的。请删除该字符后重试，未保存任何内容。"));
        assertThat(Messages.describe(Messages.ENGLISH, new UserError(problems.subList(0, 1))))
                .isEqualTo("\"Title\" holds a control character that is not allowed (U+0000, character 3), perhaps copied"
                        + " from another document. Remove it and try again; nothing was saved.");
    }

    @Test
    void aFieldWithoutALabelGetsTheGenericMessageAndCyclesEnd() {
        Bean bean = new Bean();
        bean.description = "x\u001by";
        List<Problem> problems = InputHygiene.problems("nofeature", new String[] {"zzz"}, new Object[] {"\u0000", bean});
        assertThat(problems).extracting(Problem::key)
                .containsExactly(InputHygiene.CONTROL_CHARACTER_UNNAMED, InputHygiene.CONTROL_CHARACTER);
        assertThat(InputHygiene.problems("nofeature", null, new Object[] {new Bean(), 5, null, new byte[] {0}})).isEmpty();
    }
}
