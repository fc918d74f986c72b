package cn.kexie.capability;

import java.lang.reflect.InvocationHandler;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Method;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.function.Supplier;
import javax.sql.DataSource;
import org.springframework.beans.factory.config.BeanPostProcessor;
import org.springframework.boot.test.context.TestConfiguration;
import org.springframework.context.annotation.Bean;
import org.springframework.jdbc.datasource.DelegatingDataSource;

/**
 * Counts the SQL statements the current thread sends while {@link #count} runs: every statement
 * executed, and every statement added to a batch (a batch of three inserts counts three). Part of
 * every {@link PlatformTest} context (it wraps the one {@code DataSource}, which the engine and the
 * domain share), so statement budgets need no context of their own. Counting only the counting
 * thread keeps other threads out of a count; tests run no job executor.
 */
@TestConfiguration
public class StatementCounter {

    private static final ThreadLocal<Count> CURRENT = new ThreadLocal<>();

    /** The statements one piece of work sent, in order. */
    public static final class Count {
        private final List<String> statements = new ArrayList<>();

        public int total() {
            return statements.size();
        }

        public long selects() {
            return statements.stream().filter(s -> s.startsWith("select") || s.startsWith("with")).count();
        }

        public long writes() {
            return total() - selects();
        }

        public List<String> statements() {
            return List.copyOf(statements);
        }

        /** How many statements touched tables named like {@code act_} (the engine's). */
        public long engine() {
            return statements.stream().filter(StatementCounter::isEngine).count();
        }

        public long domain() {
            return total() - engine();
        }

        @Override
        public String toString() {
            return total() + " (" + engine() + " engine + " + domain() + " domain; " + selects() + " selects, "
                    + writes() + " writes)";
        }
    }

    /** Runs the work and says what it sent. Counts nest: an inner count is also part of the outer one. */
    public static Count count(Runnable work) {
        Count count = new Count();
        Count previous = CURRENT.get();
        CURRENT.set(count);
        try {
            work.run();
        } finally {
            CURRENT.set(previous);
            if (previous != null) {
                previous.statements.addAll(count.statements);
            }
        }
        return count;
    }

    public static <T> T countInto(Count count, Supplier<T> work) {
        Count previous = CURRENT.get();
        CURRENT.set(count);
        try {
            return work.get();
        } finally {
            CURRENT.set(previous);
        }
    }

    static boolean isEngine(String sql) {
        return sql.matches("(?s).*\\bact_[a-z_]+\\b.*");
    }

    private static void sent(String sql) {
        Count count = CURRENT.get();
        if (count != null) {
            count.statements.add(sql == null ? "?" : sql.strip().toLowerCase(Locale.ROOT));
        }
    }

    @Bean
    static BeanPostProcessor countingDataSource() {
        return new BeanPostProcessor() {
            @Override
            public Object postProcessAfterInitialization(Object bean, String beanName) {
                if (bean instanceof DataSource ds && !(bean instanceof CountingDataSource)) {
                    return new CountingDataSource(ds);
                }
                return bean;
            }
        };
    }

    public static final class CountingDataSource extends DelegatingDataSource {

        public CountingDataSource(DataSource target) {
            super(target);
        }

        @Override
        public Connection getConnection() throws SQLException {
            return connection(super.getConnection());
        }

        @Override
        public Connection getConnection(String username, String password) throws SQLException {
            return connection(super.getConnection(username, password));
        }

        private static Connection connection(Connection target) {
            return proxy(Connection.class, target, (proxy, method, args) -> {
                Object result = invoke(target, method, args);
                if (result instanceof Statement statement) {
                    String sql = args != null && args.length > 0 && args[0] instanceof String s ? s : null;
                    Class<? extends Statement> type = method.getReturnType().asSubclass(Statement.class);
                    return statement(type, statement, sql);
                }
                return result;
            });
        }

        private static Statement statement(Class<? extends Statement> type, Statement target, String prepared) {
            return proxy(type, target, (proxy, method, args) -> {
                String name = method.getName();
                if (name.equals("addBatch")) {
                    sent(args != null && args.length == 1 ? (String) args[0] : prepared);
                } else if (name.startsWith("execute") && !name.equals("executeBatch")
                        && !name.equals("executeLargeBatch")) {
                    sent(args != null && args.length > 0 && args[0] instanceof String s ? s : prepared);
                }
                return invoke(target, method, args);
            });
        }

        private static <T> T proxy(Class<T> type, Object target, InvocationHandler handler) {
            return type.cast(Proxy.newProxyInstance(StatementCounter.class.getClassLoader(), new Class<?>[] {type},
                    handler));
        }

        private static Object invoke(Object target, Method method, Object[] args) throws Throwable {
            try {
                return method.invoke(target, args);
            } catch (InvocationTargetException e) {
                throw e.getCause();
            }
        }
    }
}
