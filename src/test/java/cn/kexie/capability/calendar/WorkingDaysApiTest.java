package cn.kexie.capability.calendar;

import static org.assertj.core.api.Assertions.assertThat;

import cn.kexie.capability.PlatformTest;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.time.LocalDate;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.params.provider.MethodSource;
import org.springframework.beans.factory.annotation.Autowired;
import org.springframework.boot.test.web.client.TestRestTemplate;
import org.springframework.http.HttpEntity;
import org.springframework.http.HttpHeaders;
import org.springframework.http.HttpMethod;
import org.springframework.http.HttpStatus;
import org.springframework.http.MediaType;
import org.springframework.http.ResponseEntity;
import org.springframework.jdbc.core.simple.JdbcClient;

/** The bean and the public endpoint on the real database: the same answers for every case. */
@PlatformTest
class WorkingDaysApiTest {

    @Autowired
    WorkingDays workingDays;
    @Autowired
    TestRestTemplate rest;
    @Autowired
    JdbcClient jdbc;
    @Autowired
    ShippedArrangements shipped;
    @Autowired
    WorkingCalendarRepository repository;

    private final ObjectMapper json = new ObjectMapper();

    @ParameterizedTest(name = "{0}")
    @MethodSource("cn.kexie.capability.calendar.WorkingDayCases#arguments")
    void beanAndEndpointAgree(WorkingDayCases.Case c) throws Exception {
        ResponseEntity<String> response = rest.getForEntity("/api/working-days?from={from}&count={count}",
                String.class, c.from(), c.count());

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode answer = json.readTree(response.getBody());
        assertThat(answer.get("from").asText()).isEqualTo(c.from().toString());
        assertThat(answer.get("count").asInt()).isEqualTo(c.count());
        assertThat(answer.get("lastDay").asText()).isEqualTo(c.lastDay().toString());
        assertThat(workingDays.lastDay(c.from(), c.count())).isEqualTo(c.lastDay());
        assertThat(workingDays.endOfPeriod(WorkingCalendarTest.shanghai(c.from() + "T10:15"), c.count()))
                .isEqualTo(WorkingCalendarTest.shanghai(c.lastDay().plusDays(1) + "T00:00"));
    }

    @Test
    void answersTheIssueExampleExactlyAndWithoutLogin() {
        ResponseEntity<String> response = rest.getForEntity("/api/working-days?from=2022-09-28&count=5", String.class);
        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.OK);
        assertThat(response.getBody()).isEqualTo("{\"from\":\"2022-09-28\",\"count\":5,\"lastDay\":\"2022-10-09\"}");
    }

    @ParameterizedTest(name = "{0} [{1}]")
    @CsvSource(delimiter = '|', textBlock = """
            ?from=2022-09-28                  |        | 缺少参数 count
            ?count=5                          |        | 缺少参数 from
            ''                                | en     | missing parameter from; missing parameter count
            ?from=2022-09-28&count=           |        | 缺少参数 count
            ?from=2022-13-01&count=5          |        | from 须是 YYYY-MM-DD 格式的有效日期，收到“2022-13-01”
            ?from=2022-02-30&count=5          | en     | from must be a valid date in the form YYYY-MM-DD, got "2022-02-30"
            ?from=28.09.2022&count=5          | en-GB  | from must be a valid date
            ?from=2022-09-28&count=0          |        | count 须在 1 至 366 之间，收到 0
            ?from=2022-09-28&count=-1         | en     | count must be from 1 to 366, got -1
            ?from=2022-09-28&count=367        | zh-CN  | count 须在 1 至 366 之间，收到 367
            ?from=2022-09-28&count=five       | en-US,en;q=0.8 | count must be a whole number from 1 to 366, got "five"
            ?from=2022-09-28&count=2.5        | fr, en;q=0.5   | count must be a whole number
            ?from=2022-09-28&count=99999999999 | zh    | count 须是 1 至 366 的整数
            ?from=yesterday&count=x           | en     | from must be a valid date in the form YYYY-MM-DD, got "yesterday"; count must be a whole number
            """)
    void refusesBadInputWithA400SayingWhatIsWrong(String query, String language, String message) throws Exception {
        HttpHeaders headers = new HttpHeaders();
        if (language != null) {
            headers.set(HttpHeaders.ACCEPT_LANGUAGE, language);
        }
        ResponseEntity<String> response = rest.exchange("/api/working-days" + query, HttpMethod.GET,
                new HttpEntity<>(headers), String.class);

        assertThat(response.getStatusCode()).isEqualTo(HttpStatus.BAD_REQUEST);
        assertThat(response.getHeaders().getContentType()).isEqualTo(MediaType.APPLICATION_JSON);
        JsonNode body = json.readTree(response.getBody());
        assertThat(body.fieldNames()).toIterable().containsExactly("error");
        assertThat(body.get("error").asText()).contains(message);
    }

    @Test
    void shippedNoticesAreLoadedOnceEachWithTheYearBoundaryDaysUnderTheirOwnDates() {
        assertThat(IntStream.rangeClosed(2017, 2026)).allMatch(workingDays::isArranged);
        assertThat(workingDays.isArranged(2027)).isFalse();
        assertThat(jdbc.sql("select notice_year from working_calendar_day where day_date = ?")
                .param(LocalDate.of(2018, 12, 29)).query(Integer.class).single()).isEqualTo(2019);
        assertThat(repository.year(2018)).get().extracting(ArrangedYear::dayCount).isEqualTo(29);
        assertThat(repository.year(2019)).get().extracting(ArrangedYear::dayCount).isEqualTo(31);

        assertThat(shipped.load()).as("a second start loads nothing").isEmpty();
    }

    @Test
    void twoNodesStartingTogetherLoadAMissingYearOnce() throws Exception {
        // as if 2017 had never been loaded: both "nodes" find it missing and race for it
        jdbc.sql("delete from working_calendar_year where calendar_year = 2017").update();
        repository.changeVersion();
        assertThat(workingDays.isArranged(2017)).isFalse();

        CountDownLatch start = new CountDownLatch(1);
        Callable<List<Integer>> node = () -> {
            start.await();
            return shipped.load();
        };
        ExecutorService nodes = Executors.newFixedThreadPool(2);
        try {
            Future<List<Integer>> first = nodes.submit(node);
            Future<List<Integer>> second = nodes.submit(node);
            start.countDown();
            List<Integer> loadedByFirst = first.get();
            List<Integer> loadedBySecond = second.get();
            assertThat(List.of(loadedByFirst, loadedBySecond)).containsExactlyInAnyOrder(List.of(2017), List.of());
        } finally {
            nodes.shutdown();
        }
        assertThat(workingDays.isArranged(2017)).isTrue();
        assertThat(repository.year(2017)).get().extracting(ArrangedYear::dayCount).isEqualTo(29);
        assertThat(workingDays.lastDay(LocalDate.of(2017, 9, 29), 2)).isEqualTo(LocalDate.of(2017, 9, 30));
    }
}
