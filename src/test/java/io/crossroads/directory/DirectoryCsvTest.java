package io.crossroads.directory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.tuple;

import io.crossroads.directory.DirectoryCsv.Parsed;
import io.crossroads.directory.DirectoryCsv.RowError;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class DirectoryCsvTest {

  static Parsed parse(String text) {
    return DirectoryCsv.parse(new StringReader(text));
  }

  @Test
  void aWellFormedExportReadsIntoRowsWithDefaults() {
    Parsed parsed =
        parse(
            "username,displayName,email,division,level,timeZone,manager,leader,movedOn\n"
                + "Ann.Lee,Ann Lee,ann@example.com,Finance,5,Europe/Berlin,,yes,2026-10-01\n"
                + "\"bo.kim\",\"Kim, Bo\",bo@example.com,Sales,3,Asia/Tokyo,ann.lee,,\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).hasSize(2);
    DirectoryCsv.Row ann = parsed.rows().get(0);
    assertThat(ann.username()).isEqualTo("ann.lee");
    assertThat(ann.leader()).isTrue();
    assertThat(ann.active()).isTrue();
    assertThat(ann.movedOn()).isEqualTo(LocalDate.of(2026, 10, 1));
    assertThat(ann.line()).isEqualTo(2);
    DirectoryCsv.Row bo = parsed.rows().get(1);
    assertThat(bo.displayName()).isEqualTo("Kim, Bo");
    assertThat(bo.manager()).isEqualTo("ann.lee");
    assertThat(bo.timeZone()).isEqualTo(ZoneId.of("Asia/Tokyo"));
    assertThat(bo.title()).isEmpty();
  }

  @Test
  void everyBadFieldIsReportedWithItsLineAndColumn() {
    Parsed parsed =
        parse(
            "username,displayName,email,division,level,timeZone,hr\n"
                + "ok,Ok,ok@example.com,Finance,5,UTC,false\n"
                + "bad name,,not-an-email,Finance,99,Nowhere/City,maybe\n"
                + "ok,Again,ok2@example.com,Finance,5,UTC,\n"
                + "short,Short,s@example.com\n");
    assertThat(parsed.valid()).isFalse();
    assertThat(parsed.errors())
        .extracting(e -> e.line() + ":" + e.field())
        .containsExactly(
            "3:username",
            "3:displayName",
            "3:email",
            "3:level",
            "3:timeZone",
            "3:hr",
            "4:username",
            "5:null");
    assertThat(parsed.rows()).extracting(DirectoryCsv.Row::username).containsExactly("ok");
  }

  @Test
  void aMissingOrUnknownColumnIsReportedOnTheHeaderLine() {
    Parsed parsed =
        parse("username,displayName,division,level,timeZone,shoeSize\nx,X,F,1,UTC,42\n");
    assertThat(parsed.errors()).extracting(RowError::line).containsOnly(1);
    assertThat(parsed.errors())
        .extracting(RowError::field)
        .containsExactlyInAnyOrder("email", "shoeSize");
    assertThat(parsed.rows()).isEmpty();
  }

  @Test
  void hiringAndLeavingDaysAreReadAsIsoDates() {
    Parsed parsed =
        parse(
            "username,displayName,email,division,level,timeZone,hiredOn,leftOn\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC,2019-03-01,2026-10-31\n"
                + "bo,Bo,bo@example.com,Sales,3,UTC,2024-01-15,\n"
                + "cy,Cy,cy@example.com,Sales,3,UTC,,\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows())
        .extracting(DirectoryCsv.Row::hiredOn, DirectoryCsv.Row::leftOn)
        .containsExactly(
            tuple(LocalDate.of(2019, 3, 1), LocalDate.of(2026, 10, 31)),
            tuple(LocalDate.of(2024, 1, 15), null),
            tuple(null, null));
  }

  @Test
  void aDayThatIsNotADateOrALeavingBeforeTheHiringIsALineError() {
    Parsed parsed =
        parse(
            "username,displayName,email,division,level,timeZone,hiredOn,leftOn\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC,1 March 2019,\n"
                + "bo,Bo,bo@example.com,Sales,3,UTC,2024-01-15,2023-12-31\n"
                + "cy,Cy,cy@example.com,Sales,3,UTC,2024-01-15,2024-02-30\n"
                + "di,Di,di@example.com,Sales,3,UTC,2024-01-15,2024-01-15\n");
    assertThat(parsed.errors())
        .extracting(e -> e.line() + ":" + e.field())
        .containsExactly("2:hiredOn", "3:leftOn", "4:leftOn");
    assertThat(parsed.errors().get(0).message()).contains("YYYY-MM-DD", "1 March 2019");
    assertThat(parsed.errors().get(1).message()).contains("2023-12-31", "2024-01-15");
    assertThat(parsed.rows()).extracting(DirectoryCsv.Row::username).containsExactly("di");
  }

  @Test
  void aLineHasLeftWhenMarkedInactiveOrWhenItsLeavingDayHasCome() {
    Parsed parsed =
        parse(
            "username,displayName,email,division,level,timeZone,active,leftOn\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC,,2026-11-30\n"
                + "bo,Bo,bo@example.com,Sales,3,UTC,,2026-12-01\n"
                + "cy,Cy,cy@example.com,Sales,3,UTC,false,\n"
                + "di,Di,di@example.com,Sales,3,UTC,true,\n");
    LocalDate day = LocalDate.of(2026, 11, 30);
    assertThat(parsed.rows())
        .extracting(r -> r.username() + ":" + r.leftBy(day))
        .containsExactly("ann:true", "bo:false", "cy:true", "di:false");
  }

  @Test
  void aSpreadsheetsByteOrderMarkIsNoPartOfTheFirstColumnsName() {
    Parsed parsed =
        parse(
            "\uFEFFusername,displayName,email,division,level,timeZone\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC\n");
    assertThat(parsed.errors()).isEmpty();
    assertThat(parsed.rows()).extracting(DirectoryCsv.Row::username).containsExactly("ann");
  }

  @Test
  void aColumnNamedTwiceOrNotAtAllIsAnErrorOnTheHeaderLine() {
    Parsed twice =
        parse(
            "username,displayName,email,division,level,timeZone,level\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC,7\n");
    assertThat(twice.errors())
        .extracting(e -> e.line() + ":" + e.field())
        .containsExactly("1:level");
    assertThat(twice.rows()).isEmpty();
    Parsed unnamed =
        parse(
            "username,displayName,email,division,level,timeZone,\n"
                + "ann,Ann,ann@example.com,Finance,5,UTC,\n");
    assertThat(unnamed.errors()).extracting(RowError::line).containsExactly(1);
    assertThat(unnamed.errors().get(0).message()).contains("no name");
    assertThat(unnamed.rows()).isEmpty();
  }

  @Test
  void aQuoteLeftOpenIsNamedByItsLineInOurOwnWords() {
    String header = "username,displayName,email,division,level,timeZone\n";
    Parsed open =
        parse(
            header
                + "ann,Ann,ann@example.com,Finance,5,UTC\n"
                + "bo,\"Bo,bo@example.com,Sales,3,UTC\n");
    Parsed stray = parse(header + "ann,\"Ann\"x,ann@example.com,Finance,5,UTC\n");
    Parsed badHeader = parse("\"username,displayName\n");
    assertThat(open.errors()).extracting(RowError::line).containsExactly(3);
    assertThat(stray.errors()).extracting(RowError::line).containsExactly(2);
    assertThat(badHeader.errors()).extracting(RowError::line).containsExactly(1);
    for (Parsed parsed : java.util.List.of(open, stray, badHeader)) {
      assertThat(parsed.errors().get(0).message())
          .contains("not readable as CSV", "quote")
          .doesNotContainIgnoringCase("exception")
          .doesNotContain("EOF", "encapsulated", "startline", "position");
    }
  }
}
