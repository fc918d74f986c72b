package cn.kexie.capability.workflow;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import java.lang.reflect.Field;
import java.lang.reflect.Modifier;
import java.util.Arrays;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.springframework.beans.factory.annotation.Autowired;

/** Every form key of the process contract has exactly one form (the application's is the platform's own). */
@PlatformTest
class TaskFormsTest {

    @Autowired
    List<TaskForm> forms;

    @Test
    void everySharedFormKeyHasExactlyOneForm() {
        List<String> keys = Arrays.stream(ProjectProcess.Forms.class.getDeclaredFields())
                .filter(f -> Modifier.isStatic(f.getModifiers()) && f.getType() == String.class)
                .map(TaskFormsTest::value)
                .toList();
        assertThat(keys).hasSize(18);
        List<String> formKeys = forms.stream().map(TaskForm::formKey).toList();
        // the shared keys each have their form; a feature may add forms of its own (Chengdu's evaluation)
        assertThat(formKeys).containsAll(keys).doesNotHaveDuplicates();
        assertThat(formKeys).allSatisfy(key -> assertThat(key).startsWith("platform:"));
    }

    private static String value(Field field) {
        try {
            return (String) field.get(null);
        } catch (IllegalAccessException e) {
            throw new IllegalStateException(e);
        }
    }
}
