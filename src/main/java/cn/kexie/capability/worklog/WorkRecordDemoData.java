package cn.kexie.capability.worklog;

import cn.kexie.capability.common.DemoMode;
import cn.kexie.capability.common.PlatformClock;
import java.time.LocalDate;
import java.util.List;
import org.camunda.bpm.engine.IdentityService;
import org.camunda.bpm.engine.identity.Group;
import org.springframework.beans.factory.annotation.Value;
import org.springframework.boot.ApplicationArguments;
import org.springframework.boot.ApplicationRunner;
import org.springframework.core.annotation.Order;
import org.springframework.security.authentication.UsernamePasswordAuthenticationToken;
import org.springframework.security.core.authority.SimpleGrantedAuthority;
import org.springframework.security.core.context.SecurityContextHolder;
import org.springframework.stereotype.Component;

/**
 * Demo work records of the Chengdu societies for this year, entered as the societies would, so the
 * office's list and the yearly evaluation have something to show. Demo databases only.
 */
@Component
@Order(20)
class WorkRecordDemoData implements ApplicationRunner {

    private final WorkRecordService records;
    private final IdentityService identityService;
    private final boolean enabled;

    WorkRecordDemoData(WorkRecordService records, IdentityService identityService,
            @Value("${platform.demo-data:}") String demoData, @Value("${spring.datasource.url:}") String url,
            @Value("${platform.demo-work-records:true}") boolean workRecords) {
        this.records = records;
        this.identityService = identityService;
        this.enabled = workRecords && DemoMode.enabled(demoData, url);
    }

    @Override
    public void run(ApplicationArguments args) {
        if (!enabled || identityService.createUserQuery().userId("cd-elec").count() == 0) {
            return;
        }
        int year = PlatformClock.today().getYear();
        as("cd-elec", () -> {
            if (!records.mine(year).isEmpty()) {
                return;
            }
            records.save(exchange(year, "成渝电子信息产业学术年会", 260, 4, 1, true, true), List.of(), List.of());
            records.save(exchange(year, "中国西部集成电路国际研讨会", 180, 8, 4, true, true), List.of(), List.of());
            records.save(exchange(year, "青年科技沙龙：边缘计算", 45, 0, 1, false, false), List.of(), List.of());
            WorkRecordDraft advice = new WorkRecordDraft();
            advice.setYear(year);
            advice.setWorkType("RESEARCH_ADVICE");
            advice.setTitle("关于加快成都电子信息产业链协同的建议");
            advice.setHeldOn(notAfterToday(LocalDate.of(year, 3, 15)));
            advice.setDescription("调研报告经市科协专报报送，获市领导批示。");
            advice.setLeaderSignedOff(true);
            records.save(advice, List.of(), List.of());
            WorkRecordDraft station = new WorkRecordDraft(year, "SERVICE_STATION", "郫都区电子信息产业学会服务站",
                    notAfterToday(LocalDate.of(year, 4, 8)));
            station.setDescription("联合中国电子学会在郫都区新建的服务站。");
            records.save(station.fact("stationLevel", "NATIONAL").fact("newlyBuilt", true), List.of(), List.of());
        });
    }

    private static WorkRecordDraft exchange(int year, String title, int participants, int provinces, int countries,
            boolean forums, boolean materials) {
        WorkRecordDraft d = new WorkRecordDraft();
        d.setYear(year);
        d.setWorkType("ACADEMIC_EXCHANGE");
        d.setTitle(title);
        d.setHeldOn(notAfterToday(LocalDate.of(year, 5, 20)));
        d.setDescription("由学会主办。");
        // 第五部分1-3 "由学会主办或承办的": the demo society hosts its exchanges
        return d.exchange(participants, provinces, countries, forums, materials, false).fact("eventRole", "HOST");
    }

    private static LocalDate notAfterToday(LocalDate day) {
        LocalDate today = PlatformClock.today();
        return day.isAfter(today) ? today : day;
    }

    private void as(String userId, Runnable work) {
        var previous = SecurityContextHolder.getContext();
        var context = SecurityContextHolder.createEmptyContext();
        var authorities = identityService.createGroupQuery().groupMember(userId).list().stream().map(Group::getId)
                .filter(g -> !g.startsWith("org-")).map(g -> new SimpleGrantedAuthority("ROLE_" + g)).toList();
        context.setAuthentication(UsernamePasswordAuthenticationToken.authenticated(userId, null, authorities));
        SecurityContextHolder.setContext(context);
        try {
            work.run();
        } finally {
            SecurityContextHolder.setContext(previous);
        }
    }
}
