package io.crossroads.reporting;

import io.crossroads.reporting.ReportViews.FlowsReport;
import io.crossroads.reporting.ReportViews.LeadersReport;
import io.crossroads.reporting.ReportViews.MobilityReport;
import io.crossroads.reporting.ReportViews.PipelineReport;
import io.crossroads.reporting.ReportViews.TalentPoolReport;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.UUID;

/**
 * The reports as the service runs them, on a plain JDBC connection instead of the container's: the
 * same methods and SQL, without JPA. The caller owns the transaction.
 */
public final class ReportsOnConnection {

  private final Reports reports = new Reports();

  public ReportsOnConnection(Clock clock) {
    reports.clock = clock;
  }

  /** Readies a connection as a report's, for the transaction: UTC days, the reports' memory. */
  public static void utc(Connection connection) throws SQLException {
    ReportSql.on(connection);
  }

  public PipelineReport pipeline(Connection connection, ReportFilter filter) throws SQLException {
    return reports.pipeline(ReportSql.on(connection), filter);
  }

  public FlowsReport flows(Connection connection, ReportFilter filter) throws SQLException {
    return reports.flows(ReportSql.on(connection), filter);
  }

  public LeadersReport leaders(Connection connection, ReportFilter filter) throws SQLException {
    return reports.leaders(ReportSql.on(connection), filter);
  }

  public MobilityReport mobility(Connection connection, ReportFilter filter, int months)
      throws SQLException {
    return reports.mobility(ReportSql.on(connection), filter, months);
  }

  public TalentPoolReport talentPool(
      Connection connection, UUID reader, String topic, UUID divisionId, int limit, int offset)
      throws SQLException {
    return reports.talentPool(ReportSql.on(connection), reader, topic, divisionId, limit, offset);
  }

  /** One statement a report ran, with the values bound to it, in order. */
  public record Statement(String sql, List<Object> values) {}

  /** Interface for running a report on a connection, to record what it runs. */
  public interface Run {
    void on(Connection connection) throws SQLException;
  }

  /**
   * The statements the report runs, recorded through a connection that passes everything on: to
   * explain them one by one afterwards.
   */
  public static List<Statement> recorded(Connection connection, Run run) throws SQLException {
    List<Statement> statements = new ArrayList<>();
    Connection recording =
        (Connection)
            Proxy.newProxyInstance(
                ReportsOnConnection.class.getClassLoader(),
                new Class<?>[] {Connection.class},
                (proxy, method, args) -> {
                  Object result = invoke(method, connection, args);
                  if (method.getName().equals("prepareStatement")) {
                    Map<Integer, Object> values = new TreeMap<>();
                    statements.add(new Statement((String) args[0], new ArrayList<>()));
                    Statement statement = statements.get(statements.size() - 1);
                    PreparedStatement target = (PreparedStatement) result;
                    return Proxy.newProxyInstance(
                        ReportsOnConnection.class.getClassLoader(),
                        new Class<?>[] {PreparedStatement.class},
                        (p, m, a) -> {
                          if (m.getName().equals("setObject")) {
                            values.put((Integer) a[0], a[1]);
                          } else if (m.getName().equals("setNull")) {
                            values.put((Integer) a[0], null);
                          } else if (m.getName().equals("executeQuery")) {
                            statement.values().addAll(values.values());
                          }
                          return invoke(m, target, a);
                        });
                  }
                  return result;
                });
    run.on(recording);
    return statements;
  }

  /** EXPLAIN (ANALYZE, BUFFERS) of one recorded statement, as PostgreSQL prints it. */
  public static String explain(Connection connection, Statement statement) throws SQLException {
    try (PreparedStatement explain =
        connection.prepareStatement("explain (analyze, buffers) " + statement.sql())) {
      for (int i = 0; i < statement.values().size(); i++) {
        Object value = statement.values().get(i);
        if (value == null) {
          explain.setNull(i + 1, java.sql.Types.OTHER);
        } else {
          explain.setObject(i + 1, value);
        }
      }
      StringBuilder plan = new StringBuilder();
      try (ResultSet rows = explain.executeQuery()) {
        while (rows.next()) {
          plan.append(rows.getString(1)).append('\n');
        }
      }
      return plan.toString();
    }
  }

  private static Object invoke(java.lang.reflect.Method method, Object target, Object[] args)
      throws Throwable {
    try {
      return method.invoke(target, args);
    } catch (InvocationTargetException e) {
      throw e.getCause();
    }
  }
}
