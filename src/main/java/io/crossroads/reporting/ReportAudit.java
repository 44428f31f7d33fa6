package io.crossroads.reporting;

import io.crossroads.platform.api.Page;
import io.crossroads.platform.persistence.Columns;
import io.crossroads.platform.security.Caller;
import io.crossroads.reporting.ReportViews.AuditEntry;
import io.crossroads.reporting.ReportViews.DivisionRef;
import io.crossroads.reporting.ReportViews.PersonLine;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import jakarta.persistence.PersistenceContext;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.List;
import java.util.UUID;

/** Who read which report with which filters, when: only ever added to. */
@ApplicationScoped
public class ReportAudit {

  public static final String TALENT_POOL = "talent-pool";

  @PersistenceContext EntityManager em;
  @Inject Clock clock;

  /** Records one read; a read of the talent pool is marked. */
  @Transactional
  public void record(Caller caller, String report, String filters, String format) {
    em.createNativeQuery(
            "insert into report_read (id, reader_id, report, filters, format, talent_pool, read_at)"
                + " values (?1, ?2, ?3, ?4, ?5, ?6, ?7)")
        .setParameter(1, UUID.randomUUID())
        .setParameter(2, caller.id())
        .setParameter(3, report)
        .setParameter(4, filters.length() > 500 ? filters.substring(0, 500) : filters)
        .setParameter(5, format)
        .setParameter(6, TALENT_POOL.equals(report))
        .setParameter(7, clock.instant())
        .executeUpdate();
  }

  /** Reads in the period, newest first. */
  @Transactional
  public Page<AuditEntry> list(ReportFilter period, int limit, int offset) {
    long total =
        ((Number)
                em.createNativeQuery(
                        "select count(*) from report_read where read_at >= ?1 and read_at < ?2")
                    .setParameter(1, period.start())
                    .setParameter(2, period.end())
                    .getSingleResult())
            .longValue();
    @SuppressWarnings("unchecked")
    List<Object[]> rows =
        em.createNativeQuery(
                "select r.id, r.read_at, p.id, p.display_name, p.title, d.id, d.name, r.report,"
                    + " r.filters, r.format, r.talent_pool from report_read r"
                    + " join person p on p.id = r.reader_id join division d on d.id = p.division_id"
                    + " where r.read_at >= ?1 and r.read_at < ?2"
                    + " order by r.read_at desc, r.id desc")
            .setParameter(1, period.start())
            .setParameter(2, period.end())
            .setFirstResult(offset)
            .setMaxResults(limit)
            .getResultList();
    return new Page<>(
        rows.stream()
            .map(
                row ->
                    new AuditEntry(
                        ReportSql.uuid(row[0]),
                        Columns.instant(row[1]),
                        new PersonLine(
                            ReportSql.uuid(row[2]),
                            (String) row[3],
                            (String) row[4],
                            new DivisionRef(ReportSql.uuid(row[5]), (String) row[6])),
                        (String) row[7],
                        (String) row[8],
                        (String) row[9],
                        (Boolean) row[10]))
            .toList(),
        total);
  }
}
