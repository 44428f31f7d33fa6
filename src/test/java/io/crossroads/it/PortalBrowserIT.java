package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

import jakarta.json.Json;
import jakarta.json.JsonObject;
import jakarta.json.JsonObjectBuilder;
import jakarta.json.JsonString;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.awaitility.Awaitility;
import org.jboss.arquillian.junit5.ArquillianExtension;
import org.jboss.arquillian.test.api.ArquillianResource;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.ExtendWith;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * The portal in a real browser, as its three users use it: through the pages, never the API. Every
 * view visited is checked for accessibility and for a phone's width, and photographed.
 */
@ExtendWith(ArquillianExtension.class)
class PortalBrowserIT {
  /** A time of the day shown not yet picked. */
  private static final String SLOT_OPEN = ".slot-grid .slot-toggle[aria-pressed=false]";

  private static DemoPeople employees;

  @ArquillianResource URL base;
  Api api;
  Chromium browser;

  @BeforeEach
  void open() {
    api = new Api(base);
    synchronized (PortalBrowserIT.class) {
      if (employees == null) {
        employees = new DemoPeople(api, "Engineering");
      }
    }
    browser = new Chromium(base);
  }

  @AfterEach
  void close() {
    if (browser != null) {
      browser.close();
    }
  }

  @Test
  void theSignInPageFitsAPhoneAndSaysWhenAPasswordIsWrong() {
    browser.driver.get(base + "login.html");
    browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("demo")));
    browser.check("sign-in");
    browser.driver.findElement(By.id("username")).sendKeys("ava");
    browser.driver.findElement(By.id("password")).sendKeys("not the password");
    browser.driver.findElement(By.id("submit")).click();
    WebElement failed =
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("failed")));
    assertThat(failed.getAttribute("role")).isEqualTo("alert");
    assertThat(failed.getText()).contains("did not match");
    browser.check("sign-in-failed");
  }

  @Test
  void theSignInPageSaysHowLongToWaitAfterTooManyFailedSignInsAndHoldsTheButtonTillThen() {
    // A user name nobody has and no other test uses: its failed sign-ins lock out no one else.
    String nobody = "nobody-" + UUID.randomUUID().toString().substring(0, 8);
    Api.Reply last = null;
    for (int i = 0; i < 20; i++) {
      last =
          api.send(
              null,
              "GET",
              "api/me",
              null,
              null,
              Map.of("Authorization", Api.basic(nobody, "guess-" + i)));
      if (last.status() != 401) {
        break;
      }
    }
    assertThat(last.status()).as("the guesses are throttled: %s", last).isEqualTo(429);

    browser.driver.get(base + "login.html");
    browser.driver.findElement(By.id("username")).sendKeys(nobody);
    browser.driver.findElement(By.id("password")).sendKeys("one more guess");
    browser.driver.findElement(By.id("submit")).click();
    WebElement throttled =
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("throttled")));
    assertThat(throttled.getAttribute("role")).isEqualTo("alert");
    Matcher wait =
        Pattern.compile("Too many failed sign-ins.* Try again in (\\d+) seconds")
            .matcher(throttled.getText());
    assertThat(wait.find()).as(throttled.getText()).isTrue();
    // The window of failed sign-ins is 15 minutes (crossroads.rate.sign-in.window).
    assertThat(Integer.parseInt(wait.group(1))).isBetween(1, 900);
    WebElement submit = browser.driver.findElement(By.id("submit"));
    assertThat(submit.isEnabled()).isFalse();
    // The page stayed: what was typed is still there, and the button counts down.
    assertThat(browser.driver.findElement(By.id("username")).getAttribute("value"))
        .isEqualTo(nobody);
    String first = submit.getText();
    assertThat(first).matches("Wait \\d+ s");
    browser.wait.until(d -> !submit.getText().equals(first));
    assertThat(submit.isEnabled()).isFalse();
    assertThat(browser.driver.findElement(By.id("failed")).isDisplayed()).isFalse();
    browser.check("sign-in-throttled");
  }

  @Test
  void anEmployeeProposesThreeTimesTheLeaderAcceptsOneByKeyboardAndTheEmployeeSeesTheInterview() {
    String employee = employees.take();
    String employeeName = api.get(employee, "api/me").string("displayName");
    // Leo takes part in many tests: his monthly limit must not be what stops this one.
    String leo = api.get("leo", "api/me").string("id");
    assertThat(
            api.put(
                    "leo",
                    "api/leaders/" + leo + "/profile",
                    RequestBodies.profile("architecture", 40, true))
                .status())
        .isEqualTo(200);

    browser.signIn(employee);
    browser.assertFocusOnHeading("What needs you");
    browser.navigate("Recommended");
    browser.assertFocusOnHeading(browser.viewLoaded().getText());
    browser.check("recommended");

    browser.navigate("Find leaders");
    browser.assertFocusOnHeading("Find a leader in another division");
    WebElement search =
        browser.driver.findElement(By.cssSelector("input[aria-label='Search leaders']"));
    search.sendKeys("Leo Martins", Keys.ENTER);
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Leo Martins"))).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#main h2"), "Leo Martins"));
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".slot-grid .slot-toggle")));

    browser.driver.findElement(By.id("f-intro")).sendKeys("I test the payroll system in Finance.");
    browser
        .driver
        .findElement(By.id("f-learn"))
        .sendKeys("How do architects choose between two designs?");
    browser.driver.findElement(By.id("f-whyYou")).sendKeys("Your talk on architecture reviews.");
    // A specific message without a cited suggestion: the one piece of advice left.
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector(".coaching [aria-live=polite]"), "cite their referral"));
    browser.check("find-profile");
    List<String> proposed = pickTimes(3);
    assertThat(proposed).hasSize(3);
    browser.driver.findElement(By.xpath("//button[normalize-space()='Send request']")).click();
    WebElement sent =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("#main .alert.success[role=status]")));
    browser.wait.until(
        ExpectedConditions.textToBePresentInElement(sent, "Request sent to Leo Martins"));
    assertThat(browser.active()).isEqualTo(sent);
    browser.check("request-sent");

    browser.navigate("My requests");
    browser.assertFocusOnHeading(browser.viewLoaded().getText());
    assertThat(browser.driver.findElement(By.id("main")).getText()).contains("Leo Martins");
    browser.check("sent");

    // Leo answers with the keyboard alone.
    browser.signInWithKeyboard("leo");
    // The focus starts on the first view's heading; the navigation comes before it.
    press(
        Keys.chord(Keys.SHIFT, Keys.TAB),
        () ->
            "a".equalsIgnoreCase(browser.active().getTagName())
                && "Requests to me".equals(browser.active().getText()),
        40);
    WebElement entry = browser.active();
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    browser.wait.until(d -> "page".equals(entry.getAttribute("aria-current")));
    WebElement heading = browser.viewLoaded();
    browser.assertFocusOnHeading(heading.getText());
    browser.check("received");
    tabTo(
        () ->
            Boolean.TRUE.equals(
                browser.script(
                    "const b = document.activeElement;"
                        + " const item = b.closest('li.request');"
                        + " return b.tagName === 'BUTTON' && !!item && item.textContent.includes(arguments[0])"
                        + " && !!b.closest('.actions .row') && !b.classList.contains('small-button');",
                    employeeName)),
        3000);
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
    WebElement scheduled =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main > [role=status]")));
    assertThat(scheduled.getText()).contains("Interview scheduled").contains(employeeName);
    browser.check("received-accepted");
    browser.navigate("Availability");
    browser.assertFocusOnHeading(browser.viewLoaded().getText());
    browser.check("availability");

    // The employee sees the interview.
    browser.signIn(employee);
    browser.navigate("Interviews");
    browser.assertFocusOnHeading("Interviews");
    WebElement upcoming =
        browser.driver.findElement(
            By.xpath("//h3[normalize-space()='Upcoming']/following-sibling::ul[1]"));
    assertThat(upcoming.getText()).contains("Leo Martins");
    browser.check("interviews");
    for (String view : List.of("Talk to next", "Contacts", "Talent")) {
      browser.navigate(view);
      browser.assertFocusOnHeading(browser.viewLoaded().getText());
      browser.check(view.toLowerCase().replace(' ', '-'));
    }
  }

  @Test
  void anEmployeeSeesWhatNeedsThemFirstAndIsCoachedWhileWritingARequest() {
    List<JsonObject> leaders = leadersIn("Data Platform").stream().limit(2).toList();
    assertThat(leaders).hasSize(2);
    openToRequests(leaders);
    String employee = employeeOutside(leaders.get(0).getString("divisionId"));

    // One leader proposed new times, which wait on the employee; with the other, an interview is
    // ahead. Nothing else needs them.
    JsonObject answering = leaders.get(0);
    Slots theirs =
        new Slots(api, "hana", answering.getString("id"), Instant.now().plus(Duration.ofDays(10)));
    Api.Reply toAnswer =
        api.post(
            employee,
            "api/requests",
            RequestBodies.body(answering.getString("id"), List.of(theirs.next(), theirs.next())));
    assertThat(toAnswer.status()).as(toAnswer.toString()).isEqualTo(201);
    Api.Reply countered =
        api.post(
            answering.getString("username"),
            "api/requests/" + toAnswer.string("id") + "/counter",
            Api.json("proposedSlots", List.of(theirs.next().toString()), "note", "I travel then"));
    assertThat(countered.status()).as(countered.toString()).isEqualTo(200);
    JsonObject hosting = leaders.get(1);
    Slots hosts =
        new Slots(api, "hana", hosting.getString("id"), Instant.now().plus(Duration.ofDays(10)));
    Instant start = hosts.next();
    Api.Reply toMeet =
        api.post(
            employee,
            "api/requests",
            RequestBodies.body(hosting.getString("id"), List.of(start, hosts.next())));
    assertThat(toMeet.status()).as(toMeet.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            hosting.getString("username"),
            "api/requests/" + toMeet.string("id") + "/accept",
            Api.json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String answeringName = answering.getString("displayName");
    String hostingName = hosting.getString("displayName");

    browser.signIn(employee);
    browser.assertFocusOnHeading("What needs you");
    WebElement answer = browser.driver.findElement(By.id("part-answer"));
    assertThat(answer.getText()).contains(answeringName).contains("Answer by");
    WebElement next = browser.driver.findElement(By.id("part-next"));
    assertThat(next.getText()).contains(hostingName).containsPattern("Starts in \\d+ days");
    assertThat(
            browser.driver.findElements(
                By.cssSelector("#part-follow-up, #part-thanks, #part-contacts")))
        .isEmpty();
    String home = browser.driver.findElement(By.id("main")).getText();
    assertThat(home.indexOf(answeringName))
        .isLessThan(home.indexOf(hostingName))
        .isLessThan(home.indexOf("Recommended for you"));
    browser.check("home");

    // The new times are answered where the request is: the list opens at it.
    answer.findElement(By.partialLinkText("Pick one of")).click();
    browser.wait.until(
        d ->
            "li".equals(browser.active().getTagName())
                && browser.active().getText().contains(answeringName));
    assertThat(browser.driver.findElement(By.linkText("My requests")).getAttribute("aria-current"))
        .isEqualTo("page");
    browser.navigate("Home");
    browser.assertFocusOnHeading("What needs you");

    // The composer coaches while the employee types, and shows Leo's clock beside the reader's.
    browser.navigate("Find leaders");
    browser
        .driver
        .findElement(By.cssSelector("input[aria-label='Search leaders']"))
        .sendKeys("Leo Martins", Keys.ENTER);
    browser.wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Leo Martins"))).click();
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".slot-grid .slot-toggle")));
    WebElement advice = browser.driver.findElement(By.cssSelector(".coaching [aria-live=polite]"));
    WebElement learn = browser.driver.findElement(By.id("f-learn"));
    learn.sendKeys("Your job");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElement(advice, "Say what you want to learn"));
    learn.sendKeys(" and how your team decides which platform work comes first");
    browser.wait.until(
        d ->
            !advice.getText().contains("Say what you want to learn")
                && advice.getText().contains("Say why this leader"));
    learn.sendKeys(". Are there any openings on your team?");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElement(advice, "reads like asking for a job"));
    List<String> chosen = pickTimes(2);
    assertThat(chosen).hasSize(2);
    for (String chip : chosen) {
      // "Wed, Dec 2, 03:00 AM EST · Leo 09:00 AM GMT+1": the reader's time, then Leo's.
      assertThat(chip).containsPattern("· Leo \\d\\d:\\d\\d");
      String[] times = chip.split("· Leo ");
      assertThat(times[0]).doesNotContain(times[1].substring(0, 5));
    }
  }

  @Test
  void afterAHeldInterviewTheEmployeeThanksGetsANameAndAsksThatLeaderWithTheKeyboardAlone()
      throws SQLException {
    // Two generated leaders of Data Platform any handed-out employee may ask: the one met, and
    // the one the first names next. Leaders other than those of the home page's test.
    List<JsonObject> leaders = leadersIn("Data Platform").stream().skip(2).limit(2).toList();
    assertThat(leaders).hasSize(2);
    openToRequests(leaders);
    JsonObject met = leaders.get(0);
    JsonObject named = leaders.get(1);
    String metName = met.getString("displayName");
    String metFirst = metName.split(" ")[0];
    String namedName = named.getString("displayName");
    String namedFirst = namedName.split(" ")[0];
    // Forty minutes a day: two 20-minute times (09:00, 09:15), so the third pick is on another day.
    assertThat(
            api.put(
                    named.getString("username"),
                    "api/leaders/" + named.getString("id") + "/availability",
                    RequestBodies.weekdayHours("09:00", "09:40", 90))
                .status())
        .isEqualTo(200);
    String employee = employeeNotIn(met.getString("divisionId"));
    String employeeName = api.get(employee, "api/me").string("displayName");

    // They met two hours ago: requested, accepted, and the time has passed.
    Slots slots =
        new Slots(api, "hana", met.getString("id"), Instant.now().plus(Duration.ofDays(10)));
    Instant start = slots.next();
    Api.Reply asked =
        api.post(
            employee,
            "api/requests",
            RequestBodies.body(met.getString("id"), List.of(start, slots.next())));
    assertThat(asked.status()).as(asked.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            met.getString("username"),
            "api/requests/" + asked.string("id") + "/accept",
            Api.json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);
    String interview = accepted.string("interviewId");
    TimeTravel.interviewEnded(interview, Duration.ofHours(2));

    // The employee, with the keyboard alone, records that it took place and thanks the leader.
    browser.signInWithKeyboard(employee);
    browser.assertFocusOnHeading("What needs you");
    openWithKeyboard("Interviews");
    browser.assertFocusOnHeading("Interviews");
    tabToControl("button", "Held", metName, 200);
    enter();
    WebElement held =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(By.cssSelector("#main > [role=status]")));
    assertThat(held.getText()).contains("marked as held");
    tabToControl("a", "Thank " + metFirst + "…", metName, 200);
    enter();
    browser.wait.until(
        d ->
            "h3".equals(browser.active().getTagName())
                && browser.active().getText().equals("Thank " + metFirst));
    tabTo(() -> "textarea".equals(browser.active().getTagName()), 10);
    type("Thank you, " + metFirst + ". What stuck with me: start from the data you have.");
    tabToControl("button", "Send to " + metFirst, null, 10);
    enter();
    browser.wait.until(
        d ->
            browser.active().getText().startsWith("You thanked " + metFirst)
                && "status".equals(browser.active().getAttribute("role")));
    assertThat(browser.active().getText()).contains("On time");
    browser.check("meeting-thanked");

    // The leader names a colleague for the employee, and lets the name be used.
    browser.signIn(met.getString("username"));
    browser.navigate("Interviews");
    browser
        .driver
        .findElement(
            By.xpath(
                "//li[.//strong[normalize-space()='"
                    + employeeName
                    + "']]//a[normalize-space()='Names and feedback…']"))
        .click();
    WebElement after =
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("part-after")));
    after.findElement(By.cssSelector("input[type=search]")).sendKeys(namedName, Keys.ENTER);
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.cssSelector("#part-after button[aria-label='Add " + namedName + "']")))
        .click();
    WebElement mayUse =
        after.findElement(
            By.xpath(
                ".//label[contains(normalize-space(), 'may use my name when asking "
                    + namedFirst
                    + "')]/input"));
    mayUse.click();
    after.findElement(By.cssSelector(".pick textarea")).sendKeys("Built our data catalogue.");
    after.findElement(By.xpath(".//button[normalize-space()='Send']")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#part-after [role=status]"), "the person you named"));
    browser.check("meeting-after");

    // The employee, with the keyboard alone again, asks the leader named, citing the suggestion.
    browser.signInWithKeyboard(employee);
    openWithKeyboard("Talk to next");
    browser.assertFocusOnHeading("People to talk to next");
    assertThat(browser.driver.findElement(By.id("main")).getText())
        .contains("From your conversation with " + metName)
        .contains(namedName);
    tabToControl("a", "Ask " + namedFirst, null, 100);
    enter();
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(By.cssSelector(".slot-grid .slot-toggle")));
    assertThat(browser.driver.findElement(By.id("main")).getText())
        .contains("You are asking on " + metName + "’s suggestion")
        .contains("Built our data catalogue.");
    assertThat(browser.driver.findElement(By.id("f-whyYou")).getAttribute("value"))
        .startsWith(metName + " suggested I talk to you.");
    tabTo(() -> "f-intro".equals(browser.active().getAttribute("id")), 100);
    type("I build the payment services in Engineering.");
    tabTo(() -> "f-learn".equals(browser.active().getAttribute("id")), 10);
    type("How does your team decide which data products to build first?");
    // The first day shown may hold a time that falls within the leader's day of notice by the time
    // the request is sent: the times are picked from the next day on.
    toNextDay(Keys.TAB);
    for (int pick = 1; pick <= 3; pick++) {
      if (browser.driver.findElements(By.cssSelector(SLOT_OPEN)).isEmpty()) {
        toNextDay(Keys.chord(Keys.SHIFT, Keys.TAB));
      }
      tabTo(this::onOpenTime, 100);
      String time = browser.active().getText();
      new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
      int expected = pick;
      browser.wait.until(d -> picked() == expected);
      // The times are drawn anew; the keyboard stays on the time just picked.
      assertThat(browser.active().getText()).isEqualTo(time);
      assertThat(browser.active().getAttribute("aria-pressed")).isEqualTo("true");
    }
    // One pick taken back from the chosen times: the keyboard moves on to the next one shown.
    tabTo(() -> hasClass(browser.active(), "chip-remove"), 20);
    String removed = browser.active().getAttribute("aria-label");
    enter();
    browser.wait.until(d -> picked() == 2);
    assertThat(hasClass(browser.active(), "chip-remove")).isTrue();
    assertThat(browser.active().getAttribute("aria-label")).isNotEqualTo(removed);
    press(Keys.chord(Keys.SHIFT, Keys.TAB), this::onOpenTime, 100);
    new Actions(browser.driver).sendKeys(Keys.SPACE).perform();
    browser.wait.until(d -> picked() == 3);
    tabToControl("button", "Send request", null, 200);
    enter();
    browser.wait.until(
        d ->
            "status".equals(browser.active().getAttribute("role"))
                && browser.active().getText().contains("Request sent to " + namedName));

    // The request went out citing the suggestion, and the suggestion counts as followed.
    JsonObject referral =
        api.get(employee, "api/me/referrals").array().getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getJsonObject("person").getString("id").equals(named.getString("id")))
            .findFirst()
            .orElseThrow();
    assertThat(referral.getString("outcome")).isEqualTo("REQUESTED");
    JsonObject request =
        api.get(employee, "api/requests?limit=50").items().getValuesAs(JsonObject.class).stream()
            .filter(r -> r.getJsonObject("leader").getString("id").equals(named.getString("id")))
            .findFirst()
            .orElseThrow();
    assertThat(request.getString("referralId")).isEqualTo(referral.getString("id"));
    assertThat(request.getJsonArray("proposedSlots")).hasSize(3);
  }

  /** The leaders take requests on data, up to 40 a month, on standard hours. */
  private void openToRequests(List<JsonObject> leaders) {
    for (JsonObject leader : leaders) {
      String path = "api/leaders/" + leader.getString("id");
      String user = leader.getString("username");
      assertThat(api.put(user, path + "/profile", RequestBodies.profile("data", 40, true)).status())
          .isEqualTo(200);
      assertThat(api.put(user, path + "/availability", RequestBodies.standardHours(90)).status())
          .isEqualTo(200);
    }
  }

  /** A fresh employee outside {@code divisionId}. */
  private String employeeNotIn(String divisionId) {
    for (int tries = 0; tries < 40; tries++) {
      String candidate = employees.take();
      if (!api.get(candidate, "api/me").string("divisionId").equals(divisionId)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no employee outside the division");
  }

  /** Generated leaders of the division whom any handed-out employee (level 4 and up) may ask. */
  private List<JsonObject> leadersIn(String division) {
    String id =
        api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("name").equals(division))
            .findFirst()
            .orElseThrow()
            .getString("id");
    return api
        .get("hana", "api/people?leadersOnly=true&limit=100&divisionId=" + id)
        .items()
        .getValuesAs(JsonObject.class)
        .stream()
        .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
        .toList();
  }

  /** Moves back from the view's heading to the navigation's entry {@code text} and opens it. */
  private void openWithKeyboard(String text) {
    press(
        Keys.chord(Keys.SHIFT, Keys.TAB),
        () ->
            "a".equalsIgnoreCase(browser.active().getTagName())
                && text.equals(browser.active().getText())
                && browser.active().findElements(By.xpath("ancestor::*[@id='nav']")).size() == 1,
        60);
    WebElement entry = browser.active();
    enter();
    browser.wait.until(d -> "page".equals(entry.getAttribute("aria-current")));
    browser.viewLoaded();
  }

  /**
   * Presses Tab until the focus is on the {@code tag} reading {@code text}, inside the list item
   * that names {@code within} when that is given.
   */
  private void tabToControl(String tag, String text, String within, int most) {
    tabTo(
        () -> {
          WebElement active = browser.active();
          return tag.equalsIgnoreCase(active.getTagName())
              && text.equals(active.getText().trim())
              && (within == null
                  || active.findElements(By.xpath("ancestor::li[1]")).stream()
                      .anyMatch(li -> li.getText().contains(within)));
        },
        most);
  }

  private void enter() {
    new Actions(browser.driver).sendKeys(Keys.ENTER).perform();
  }

  private void type(CharSequence text) {
    new Actions(browser.driver).sendKeys(text).perform();
  }

  /**
   * A fresh employee outside {@code divisionId} whose clock now shows another time than Leo's
   * (Europe/Berlin), so that the request form shows both.
   */
  private String employeeOutside(String divisionId) {
    Instant now = Instant.now();
    ZoneOffset leos = ZoneId.of("Europe/Berlin").getRules().getOffset(now);
    for (int tries = 0; tries < 40; tries++) {
      String candidate = employees.take();
      JsonObject me = api.get(candidate, "api/me").json();
      if (!me.getString("divisionId").equals(divisionId)
          && !ZoneId.of(me.getString("timeZone")).getRules().getOffset(now).equals(leos)) {
        return candidate;
      }
    }
    throw new IllegalStateException("no employee outside the division on another clock");
  }

  @Test
  void aLeaderPaintsTheirWeekDeclinesKindlySuggestsAnEligibleColleagueAndSeesTheirMonth() {
    String finance =
        api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("name").equals("Finance"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    // A generated leader of this test's own, whom the employees handed out here may ask.
    JsonObject leader =
        api
            .get("hana", "api/people?leadersOnly=true&limit=100&divisionId=" + finance)
            .items()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
            .findFirst()
            .orElseThrow();
    String user = leader.getString("username");
    String leaderId = leader.getString("id");
    String path = "api/leaders/" + leaderId;
    assertThat(api.put(user, path + "/profile", RequestBodies.profile("finance", 5, true)).status())
        .isEqualTo(200);
    assertThat(api.put(user, path + "/availability", RequestBodies.standardHours(90)).status())
        .isEqualTo(200);
    DemoPeople outsideFinance = new DemoPeople(api, "Engineering", "Finance");
    String declined = outsideFinance.take();
    String redirected = outsideFinance.take();
    Slots open = new Slots(api, declined, leaderId, Instant.now().plus(Duration.ofDays(2)));
    Map<String, String> requests = new HashMap<>();
    for (String employee : List.of(declined, redirected)) {
      Api.Reply sent =
          api.post(
              employee,
              "api/requests",
              RequestBodies.body(leaderId, List.of(open.next(), open.next())));
      assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
      requests.put(employee, sent.string("id"));
    }
    JsonObject month = api.get(user, path + "/availability").json().getJsonObject("thisMonth");

    // My week: this month's interviews against the limit, then what waits for an answer.
    browser.signIn(user);
    browser.navigate("Requests to me");
    WebElement load = browser.driver.findElement(By.cssSelector("#main .month-load"));
    assertThat(load.getText()).contains(month.getInt("booked") + " of 5");
    browser.check("leader-week");

    // A kind, ready reason, made the leader's own.
    String declinedName = api.get(declined, "api/me").string("displayName");
    waiting(declinedName).findElement(By.xpath(".//button[normalize-space()='Decline…']")).click();
    browser
        .wait
        .until(
            ExpectedConditions.elementToBeClickable(
                By.xpath("//button[normalize-space()='My calendar is full']")))
        .click();
    WebElement reason = browser.active();
    assertThat(reason.getTagName()).isEqualTo("textarea");
    assertThat(reason.getAttribute("value")).startsWith("My calendar is full this month.");
    reason.sendKeys(Keys.END, " Good luck!");
    browser.driver.findElement(By.xpath("//button[normalize-space()='Decline request']")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#main > [role=status]"), "You declined " + declinedName));
    JsonObject answered = api.get(user, "api/requests/" + requests.get(declined)).json();
    assertThat(answered.getString("status")).isEqualTo("DECLINED");
    assertThat(answered.getJsonArray("history").getJsonObject(1).getString("note"))
        .isEqualTo("My calendar is full this month. Please try me again next month. Good luck!");

    // Only colleagues the redirect accepts are offered; the leader picks one.
    String redirectedName = api.get(redirected, "api/me").string("displayName");
    String request = requests.get(redirected);
    waiting(redirectedName)
        .findElement(By.xpath(".//button[normalize-space()='Suggest a colleague…']"))
        .click();
    browser.wait.until(
        ExpectedConditions.presenceOfElementLocated(
            By.cssSelector(".colleagues input[type=radio]")));
    List<String> offered =
        browser.driver.findElements(By.cssSelector(".colleagues input[type=radio]")).stream()
            .map(radio -> radio.getAttribute("value"))
            .toList();
    assertThat(offered)
        .isNotEmpty()
        .isEqualTo(
            api
                .get(user, "api/requests/" + request + "/colleagues?limit=8&q=")
                .array()
                .getValuesAs(JsonObject.class)
                .stream()
                .map(c -> c.getString("id"))
                .toList());
    browser.check("redirect-colleagues");
    browser.driver.findElement(By.cssSelector(".colleagues label.choice")).click();
    browser
        .driver
        .findElement(By.xpath("//button[normalize-space()='Suggest this colleague']"))
        .click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#main > [role=status]"), "the request was forwarded"));
    assertThat(
            api.get(redirected, "api/requests?status=PENDING").items().stream()
                .map(JsonObject.class::cast)
                .filter(r -> request.equals(r.getString("redirectedFrom", null)))
                .map(r -> r.getJsonObject("leader").getString("id")))
        .containsExactly(offered.get(0));

    // The week as a grid: Saturday 10:00–11:30 painted with the mouse.
    browser.navigate("Availability");
    assertThat(browser.driver.findElement(By.cssSelector("#main .month-load")).getText())
        .contains(month.getInt("booked") + " of 5");
    browser.drag(halfHour(5, "10:00"), halfHour(5, "11:00"));
    for (String time : List.of("10:00", "10:30", "11:00")) {
      assertThat(halfHour(5, time).getAttribute("aria-selected")).as(time).isEqualTo("true");
    }
    assertThat(halfHour(5, "11:30").getAttribute("aria-selected")).isEqualTo("false");
    // Then the keyboard alone: one tab stop into the grid, where the drag ended; Sunday 14:00
    // switched on and carried on to 14:30 with Shift.
    browser.script(
        "document.getElementById(arguments[0]).focus()",
        browser
            .driver
            .findElement(By.xpath("//label[normalize-space()='Time zone']"))
            .getAttribute("for"));
    tabTo(() -> "td".equals(browser.active().getTagName()), 10);
    assertThat(browser.active()).isEqualTo(halfHour(5, "11:00"));
    browser.keys(Keys.ARROW_RIGHT, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN);
    browser.keys(Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.ARROW_DOWN, Keys.SPACE);
    new Actions(browser.driver)
        .keyDown(Keys.SHIFT)
        .sendKeys(Keys.ARROW_DOWN)
        .keyUp(Keys.SHIFT)
        .perform();
    assertThat(browser.active()).isEqualTo(halfHour(6, "14:30"));
    assertThat(halfHour(6, "14:00").getAttribute("aria-selected")).isEqualTo("true");
    assertThat(halfHour(6, "14:30").getAttribute("aria-selected")).isEqualTo("true");
    browser.check("availability-grid");
    browser.driver.findElement(By.xpath("//button[normalize-space()='Save availability']")).click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#main .alert.success"), "Saved"));

    browser.driver.navigate().refresh();
    browser.viewLoaded();
    browser.wait.until(d -> "true".equals(halfHour(5, "10:00").getAttribute("aria-selected")));
    for (String time : List.of("10:30", "11:00")) {
      assertThat(halfHour(5, time).getAttribute("aria-selected")).as(time).isEqualTo("true");
    }
    assertThat(halfHour(6, "14:30").getAttribute("aria-selected")).isEqualTo("true");
    assertThat(halfHour(6, "15:00").getAttribute("aria-selected")).isEqualTo("false");
    assertThat(
            api
                .get(user, path + "/availability")
                .json()
                .getJsonArray("weekly")
                .getValuesAs(JsonObject.class)
                .stream()
                .map(
                    w ->
                        w.getString("day") + " " + w.getString("start") + "-" + w.getString("end")))
        .contains("MONDAY 09:00-17:00", "SATURDAY 10:00-11:30", "SUNDAY 14:00-15:00")
        .hasSize(7);
  }

  /** The leader's request from {@code name} among those waiting for an answer. */
  private WebElement waiting(String name) {
    return browser.wait.until(
        ExpectedConditions.elementToBeClickable(
            By.xpath(
                "//h3[starts-with(normalize-space(), 'Waiting for your answer')]"
                    + "/following-sibling::ul[1]/li[.//strong[normalize-space()='"
                    + name
                    + "']]")));
  }

  /** The weekly grid's half-hour starting at {@code time} on day {@code day} (0 is Monday). */
  private WebElement halfHour(int day, String time) {
    return browser.driver.findElement(
        By.xpath(
            "//table[@role='grid']//tr[th[normalize-space()='"
                + time
                + "']]/td[@data-day='"
                + day
                + "']"));
  }

  @Test
  void hrReadsThePipelineAndDownloadsItAsCsv() throws IOException {
    browser.signIn("hana");
    browser.navigate("Reports");
    browser.assertFocusOnHeading("Reports");
    WebElement sent =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//table[caption[normalize-space()='Pipeline stages']]//tr[th[normalize-space()='Sent']]/td[last()]")));
    assertThat(sent.getText()).matches("[0-9][0-9,]*");
    browser.check("reports");

    browser
        .driver
        .findElement(By.cssSelector("button[aria-label='Download CSV of the pipeline']"))
        .click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#part-pipeline .csv [role=status]"), "Downloaded."));
    Path csv =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> downloaded("crossroads-pipeline-"), Optional::isPresent)
            .orElseThrow();
    List<String> lines = Files.readAllLines(csv);
    assertThat(lines).hasSizeGreaterThan(8);
    assertThat(String.join("\n", lines)).contains("SENT").contains("REFERRAL_HELD");

    browser.navigate("Cohorts");
    browser.assertFocusOnHeading(browser.viewLoaded().getText());
    browser.check("cohorts");
  }

  @Test
  void hrImportsAFileSeesTheLineAtFaultFixesItAndSeesTheImportFinish() throws Exception {
    // Two people who have left already, added without "full": an import that is not the whole
    // company changes only the lines it has, and someone inactive without a leaving day is in no
    // list, headcount or report the other tests read.
    String tag = "hrfile" + UUID.randomUUID().toString().substring(0, 8);
    String header = "username,displayName,email,division,level,timeZone,active\n";
    String first = tag + "a,Former One," + tag + "a@example.com,Finance,4,Europe/Berlin,false\n";
    String second = tag + "b,Former Two," + tag + "b@example.com,Finance,%s,Europe/Berlin,false\n";
    Path file = Files.createTempFile(Path.of("target"), "directory-", ".csv").toAbsolutePath();
    Files.writeString(file, header + first + second.formatted("eleven"));

    browser.signIn("hana");
    browser.navigate("Directory");
    browser.assertFocusOnHeading("Directory");
    WebElement whole =
        browser.driver.findElement(
            By.xpath("//label[normalize-space()='This file is the whole company']/input"));
    assertThat(whole.isSelected()).isFalse();
    browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    browser.driver.findElement(By.xpath("//button[normalize-space()='Import']")).click();

    By problems = By.xpath("//table[contains(@class, 'problems')]/tbody/tr");
    WebElement problem =
        browser.wait.until(ExpectedConditions.visibilityOfElementLocated(problems));
    assertThat(problem.findElements(By.tagName("td")).stream().map(WebElement::getText))
        .containsExactly("3", "level", "Not a whole number: eleven.");
    assertThat(browser.driver.findElements(problems)).hasSize(1);
    WebElement status =
        browser.driver.findElement(
            By.xpath("//section[h2[normalize-space()='Directory']]//p[@role='status']"));
    assertThat(status.getText()).contains("Import failed", "nothing was changed", "listed below");
    assertThat(imported(tag)).isEmpty();
    browser.check("directory-problems");

    // Fixed, chosen again and imported again.
    Files.writeString(file, header + first + second.formatted("4"));
    browser.driver.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toString());
    browser.driver.findElement(By.xpath("//button[normalize-space()='Import']")).click();
    browser.wait.until(ExpectedConditions.textToBePresentInElement(status, "Import finished"));
    assertThat(status.getText()).contains("2 created");
    assertThat(browser.driver.findElements(problems)).isEmpty();
    WebElement bar =
        browser.driver.findElement(By.cssSelector("progress[aria-label='Import progress']"));
    assertThat(bar.getAttribute("value")).isEqualTo(bar.getAttribute("max"));
    // Both jobs in the list, newest first.
    browser.wait.until(
        d ->
            d.findElements(By.xpath("//table[contains(@class, 'jobs')]/tbody/tr")).size() >= 2
                && d.findElement(By.xpath("//table[contains(@class, 'jobs')]/tbody/tr[1]"))
                    .getText()
                    .contains("2 created")
                && d.findElement(By.xpath("//table[contains(@class, 'jobs')]/tbody/tr[2]"))
                    .getText()
                    .contains("1 problem"));
    assertThat(imported(tag))
        .containsOnly(Map.entry(tag + "a", false), Map.entry(tag + "b", false));
    assertThat(api.get("hana", "api/people?q=" + tag).json().getInt("total")).isZero();

    // Without Keycloak there is nothing to sync from, and the page says so.
    browser
        .driver
        .findElement(By.xpath("//button[normalize-space()='Sync from Keycloak']"))
        .click();
    WebElement noSync =
        browser.wait.until(
            ExpectedConditions.visibilityOfElementLocated(
                By.xpath(
                    "//section[h2[normalize-space()='Sync from Keycloak']]//*[@role='alert']")));
    assertThat(noSync.getText()).contains("not connected to Keycloak");
    browser.check("directory");
  }

  @Test
  void hrFixesARuleTheFormFlagsLoadsAChangeMadeMeanwhileAndSeesTheReportAndItsCsvMove()
      throws IOException {
    // A leader of Finance and an employee elsewhere, for a request sent and accepted below.
    String finance =
        api.get("hana", "api/divisions").array().getValuesAs(JsonObject.class).stream()
            .filter(d -> d.getString("name").equals("Finance"))
            .findFirst()
            .orElseThrow()
            .getString("id");
    String employee = employees.take();
    while (api.get(employee, "api/me").string("divisionId").equals(finance)) {
      employee = employees.take();
    }

    // Only HR sees the rules' page.
    browser.signIn(employee);
    assertThat(browser.driver.findElement(By.cssSelector("#nav a[href='#program']")).isDisplayed())
        .isFalse();
    browser.driver.get(base + "#program");
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#main .alert.warning"), "Only HR changes the program’s rules."));
    assertThat(browser.driver.findElements(By.cssSelector("#main form"))).isEmpty();

    JsonObject original = api.get("hana", "api/program").json();
    long version = original.getJsonNumber("version").longValue();
    int cadence = original.getInt("keepInTouchDays") == 45 ? 60 : 45;
    int perMonth = original.getInt("maxRequestsPerMonth") == 7 ? 8 : 7;
    String holiday = "2031-12-26";
    try {
      browser.signIn("hana");
      browser.navigate("Program rules");
      browser.assertFocusOnHeading("Program rules");
      WebElement touch = labelled("Touch base every");
      assertThat(touch.getAttribute("value"))
          .isEqualTo(String.valueOf(original.getInt("keepInTouchDays")));
      touch.clear();
      touch.sendKeys("3");
      WebElement save =
          browser.driver.findElement(By.xpath("//button[normalize-space()='Save the rules']"));
      save.click();
      WebElement error =
          browser.wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("[data-field=keepInTouchDays] > .field-error")));
      assertThat(error.getText()).isEqualTo("Must be 7 to 365");
      assertThat(touch.getAttribute("aria-invalid")).isEqualTo("true");
      assertThat(browser.active()).isEqualTo(touch);
      assertThat(browser.driver.findElement(By.cssSelector("#main form [role=alert]")).getText())
          .contains("Touch base every: must be 7 to 365");
      assertThat(api.get("hana", "api/program").json().getJsonNumber("version").longValue())
          .isEqualTo(version);

      // Meanwhile someone else changes another rule: the fixed form, saved, is refused, says what
      // they changed, and loads their rules.
      JsonObjectBuilder theirs =
          Json.createObjectBuilder(original)
              .remove("updatedAt")
              .remove("updatedBy")
              .add("maxRequestsPerMonth", perMonth);
      assertThat(api.put("hana", "api/program", theirs.build().toString()).status()).isEqualTo(200);
      touch.clear();
      touch.sendKeys(String.valueOf(cadence));
      browser.wait.until(ExpectedConditions.invisibilityOf(error));
      save.click();
      WebElement conflict =
          browser.wait.until(
              ExpectedConditions.visibilityOfElementLocated(
                  By.cssSelector("#main form .alert.warning[role=alert]")));
      assertThat(conflict.getText())
          .contains("Someone else changed the rules")
          .contains("version " + (version + 1))
          .contains(
              "Requests a month: " + original.getInt("maxRequestsPerMonth") + " → " + perMonth);
      WebElement load =
          conflict.findElement(By.xpath(".//button[normalize-space()='Load their rules']"));
      assertThat(browser.active()).isEqualTo(load);
      load.click();
      browser.assertFocusOnHeading("Program rules");
      assertThat(labelled("Requests a month").getAttribute("value"))
          .isEqualTo(String.valueOf(perMonth));
      assertThat(touch.getAttribute("value"))
          .isEqualTo(String.valueOf(original.getInt("keepInTouchDays")));

      // Changed again on top of theirs, with a holiday added, and saved.
      touch.clear();
      touch.sendKeys(String.valueOf(cadence));
      browser.script("arguments[0].value = arguments[1]", labelled("Add a holiday"), holiday);
      browser
          .driver
          .findElement(
              By.xpath(
                  "//fieldset[legend[normalize-space()='Company holidays']]//button[normalize-space()='Add']"))
          .click();
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              By.cssSelector("ul.holidays"), "December 26, 2031"));
      save.click();
      By status = By.cssSelector("#main form > [role=status]");
      browser.wait.until(
          ExpectedConditions.textToBePresentInElementLocated(
              status, "Rules saved as version " + (version + 2)));
      assertThat(browser.driver.findElement(status).getText())
          .contains("(changed: Touch base every, Company holidays)");
      JsonObject now = api.get("hana", "api/program").json();
      assertThat(now.getJsonNumber("version").longValue()).isEqualTo(version + 2);
      assertThat(now.getInt("keepInTouchDays")).isEqualTo(cadence);
      assertThat(now.getInt("maxRequestsPerMonth")).isEqualTo(perMonth);
      assertThat(now.getJsonArray("holidays").getValuesAs(JsonString.class))
          .extracting(JsonString::getString)
          .contains(holiday);
      browser.check("program");
    } finally {
      restoreRules(original);
    }

    // The leader asked below: a generated one of Finance, taking requests.
    JsonObject leader =
        api
            .get("hana", "api/people?leadersOnly=true&limit=100&divisionId=" + finance)
            .items()
            .getValuesAs(JsonObject.class)
            .stream()
            .filter(p -> p.getString("username").contains(".") && p.getInt("level") <= 7)
            .reduce((first, second) -> second)
            .orElseThrow();
    String leaderId = leader.getString("id");
    String leaderUser = leader.getString("username");
    assertThat(
            api.put(
                    leaderUser,
                    "api/leaders/" + leaderId + "/profile",
                    RequestBodies.profile("budgeting", 40, true))
                .status())
        .isEqualTo(200);
    assertThat(
            api.put(
                    leaderUser,
                    "api/leaders/" + leaderId + "/availability",
                    RequestBodies.standardHours(90))
                .status())
        .isEqualTo(200);
    Slots slots = new Slots(api, "hana", leaderId, Instant.now().plus(Duration.ofDays(12)));
    Instant start = slots.next();

    // The whole company's pipeline over the last twelve months, before and after.
    browser.navigate("Reports");
    browser.assertFocusOnHeading("Reports");
    List<String> stages = List.of("Sent", "Answered", "Accepted");
    Map<String, Long> before = new HashMap<>();
    stages.forEach(stage -> before.put(stage, pipelineStage(stage)));

    Api.Reply sent =
        api.post(
            employee, "api/requests", RequestBodies.body(leaderId, List.of(start, slots.next())));
    assertThat(sent.status()).as(sent.toString()).isEqualTo(201);
    Api.Reply accepted =
        api.post(
            leaderUser,
            "api/requests/" + sent.string("id") + "/accept",
            Api.json("start", start.toString()));
    assertThat(accepted.status()).as(accepted.toString()).isEqualTo(200);

    browser.driver.navigate().refresh();
    browser.assertFocusOnHeading("Reports");
    Map<String, Long> after = new HashMap<>();
    stages.forEach(stage -> after.put(stage, pipelineStage(stage)));
    stages.forEach(
        stage -> assertThat(after.get(stage)).as(stage).isEqualTo(before.get(stage) + 1));

    // The CSV holds the figures the page shows.
    browser
        .driver
        .findElement(By.cssSelector("button[aria-label='Download CSV of the pipeline']"))
        .click();
    browser.wait.until(
        ExpectedConditions.textToBePresentInElementLocated(
            By.cssSelector("#part-pipeline .csv [role=status]"), "Downloaded."));
    Path csv =
        Awaitility.await()
            .atMost(Duration.ofSeconds(20))
            .until(() -> downloaded("crossroads-pipeline-"), Optional::isPresent)
            .orElseThrow();
    List<String> lines = Files.readAllLines(csv);
    for (String stage : stages) {
      assertThat(lines)
          .as(stage)
          .contains("\"" + stage.toUpperCase() + "\",\"" + after.get(stage) + "\"");
    }
  }

  /** The control a label names. */
  private WebElement labelled(String label) {
    String id =
        browser
            .driver
            .findElement(By.xpath("//label[normalize-space()='" + label + "']"))
            .getAttribute("for");
    return browser.driver.findElement(By.id(id));
  }

  /** The number the Reports view shows for a stage of the pipeline, once it is there. */
  private long pipelineStage(String stage) {
    By cell =
        By.xpath(
            "//table[caption[normalize-space()='Pipeline stages']]//tr[th[normalize-space()='"
                + stage
                + "']]/td[last()]");
    String text = browser.wait.until(ExpectedConditions.visibilityOfElementLocated(cell)).getText();
    assertThat(text).as("%s is shown, not withheld", stage).matches("[0-9][0-9,]*");
    return Long.parseLong(text.replace(",", ""));
  }

  /** Puts the rules back as they were, if a change went through. */
  private void restoreRules(JsonObject original) {
    JsonObject now = api.get("hana", "api/program").json();
    if (now.getJsonNumber("version").equals(original.getJsonNumber("version"))) {
      return;
    }
    JsonObjectBuilder rules =
        Json.createObjectBuilder(original)
            .remove("updatedAt")
            .remove("updatedBy")
            .add("version", now.getJsonNumber("version"));
    Api.Reply restored = api.put("hana", "api/program", rules.build().toString());
    assertThat(restored.status()).as(restored.toString()).isEqualTo(200);
  }

  /** The people whose user names start with {@code prefix}, and whether each is active. */
  private static Map<String, Boolean> imported(String prefix) throws SQLException {
    Map<String, Boolean> people = new HashMap<>();
    try (Connection db = TestEnvironment.database();
        PreparedStatement select =
            db.prepareStatement("select username, active from person where username like ?")) {
      select.setString(1, prefix + "%");
      try (ResultSet r = select.executeQuery()) {
        while (r.next()) {
          people.put(r.getString(1), r.getBoolean(2));
        }
      }
    }
    return people;
  }

  private Optional<Path> downloaded(String prefix) throws IOException {
    try (Stream<Path> files = Files.list(browser.downloads)) {
      return files
          .filter(f -> f.getFileName().toString().startsWith(prefix))
          .filter(f -> f.getFileName().toString().endsWith(".csv"))
          .findFirst();
    }
  }

  /** Picks {@code count} open times in the request form, moving to later days as needed. */
  private List<String> pickTimes(int count) {
    int days = browser.driver.findElements(By.cssSelector(".day-tabs .day-tab")).size();
    for (int d = 0; d < days && picked() < count; d++) {
      browser.driver.findElements(By.cssSelector(".day-tabs .day-tab")).get(d).click();
      while (picked() < count) {
        List<WebElement> open = browser.driver.findElements(By.cssSelector(SLOT_OPEN));
        if (open.isEmpty()) {
          break;
        }
        open.get(0).click();
      }
    }
    return browser.driver.findElements(By.cssSelector(".picked .picked-chip")).stream()
        .map(WebElement::getText)
        .toList();
  }

  private int picked() {
    return browser.driver.findElements(By.cssSelector(".picked .picked-chip")).size();
  }

  /** Moves with {@code key} to the day after the one shown, and shows it. */
  private void toNextDay(CharSequence key) {
    press(
        key,
        () ->
            Boolean.TRUE.equals(
                browser.script(
                    "const a = document.activeElement;"
                        + " return a.classList.contains('day-tab')"
                        + " && a.previousElementSibling?.getAttribute('aria-pressed') === 'true';")),
        100);
    enter();
    assertThat(browser.active().getAttribute("aria-pressed")).isEqualTo("true");
    browser.wait.until(d -> !browser.driver.findElements(By.cssSelector(SLOT_OPEN)).isEmpty());
  }

  /** Whether the focus is on an open time not yet picked. */
  private boolean onOpenTime() {
    return hasClass(browser.active(), "slot-toggle")
        && "false".equals(browser.active().getAttribute("aria-pressed"));
  }

  private static boolean hasClass(WebElement element, String name) {
    String classes = element.getAttribute("class");
    return classes != null && List.of(classes.split("\\s+")).contains(name);
  }

  /** Presses Tab until {@code reached}, at most {@code most} times. */
  private void tabTo(java.util.function.BooleanSupplier reached, int most) {
    press(Keys.TAB, reached, most);
  }

  /** Presses {@code key} until {@code reached}, at most {@code most} times. */
  private void press(CharSequence key, java.util.function.BooleanSupplier reached, int most) {
    for (int i = 0; i < most; i++) {
      if (reached.getAsBoolean()) {
        return;
      }
      new Actions(browser.driver).sendKeys(key).perform();
    }
    assertThat(reached.getAsBoolean()).as("reached with at most %d presses of Tab", most).isTrue();
  }
}
