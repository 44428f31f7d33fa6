package io.crossroads.it;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.args.AxeRunOptions;
import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.NotFoundException;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebDriverException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.interactions.Actions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The portal in the system's Chromium, headless, driven through the system's chromedriver: nothing
 * is downloaded, and a machine without either fails the browser tests with a message saying what to
 * install. Every view it is told about is checked with axe-core (no serious or critical violation),
 * checked for horizontal scrolling at 390 px and photographed at 1280 and 390 px under {@code
 * target/screenshots}.
 */
final class Chromium implements AutoCloseable {

  static final Dimension WIDE = new Dimension(1280, 900);
  static final Dimension NARROW = new Dimension(390, 844);
  private static final Set<String> BLOCKING = Set.of("serious", "critical");
  private static final Path SCREENSHOTS = Path.of("target", "screenshots");

  final ChromeDriver driver;
  final WebDriverWait wait;
  final Path downloads;
  private final String base;

  Chromium(URL base) {
    this.base = base.toString().endsWith("/") ? base.toString() : base + "/";
    File chromium = new File(System.getProperty("crossroads.it.chromium", "/usr/bin/chromium"));
    File chromedriver =
        new File(System.getProperty("webdriver.chrome.driver", "/usr/bin/chromedriver"));
    if (!chromium.canExecute() || !chromedriver.canExecute()) {
      throw new IllegalStateException(
          "The browser tests need Chromium at "
              + chromium
              + " and its driver at "
              + chromedriver
              + " (Debian/Ubuntu packages chromium and chromium-driver; .ci/run installs them).");
    }
    try {
      downloads = Files.createTempDirectory(Path.of("target"), "downloads");
      Files.createDirectories(SCREENSHOTS);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
    ChromeOptions options = new ChromeOptions();
    // With both the browser and its driver named, Selenium Manager has nothing to look for.
    options.setBinary(chromium);
    options.addArguments(
        "--headless=new",
        "--no-sandbox",
        "--disable-dev-shm-usage",
        "--disable-gpu",
        "--lang=en-US",
        "--window-size=" + WIDE.width + "," + WIDE.height);
    Map<String, Object> prefs = new HashMap<>();
    prefs.put("download.default_directory", downloads.toAbsolutePath().toString());
    prefs.put("download.prompt_for_download", false);
    options.setExperimentalOption("prefs", prefs);
    ChromeDriverService service =
        new ChromeDriverService.Builder().usingDriverExecutable(chromedriver).build();
    driver = new ChromeDriver(service, options);
    wait = new WebDriverWait(driver, Duration.ofSeconds(20));
    // A view redrawn between finding an element and reading it: the condition is asked again.
    wait.ignoring(StaleElementReferenceException.class);
  }

  /** Opens the sign-in page and signs in as a demo user by typing into the form. */
  void signIn(String username) {
    driver.manage().deleteAllCookies();
    driver.get(base + "login.html");
    WebElement user = wait.until(ExpectedConditions.elementToBeClickable(By.id("username")));
    user.clear();
    user.sendKeys(username);
    driver.findElement(By.id("password")).sendKeys(Api.PASSWORD);
    driver.findElement(By.id("submit")).click();
    viewLoaded();
  }

  /** Signs in with the keyboard alone: the page focuses the user name field itself. */
  void signInWithKeyboard(String username) {
    driver.manage().deleteAllCookies();
    driver.get(base + "login.html");
    wait.until(d -> "username".equals(active().getAttribute("id")));
    new Actions(driver)
        .sendKeys(username)
        .sendKeys(Keys.TAB)
        .sendKeys(Api.PASSWORD)
        .sendKeys(Keys.ENTER)
        .perform();
    viewLoaded();
  }

  /** Clicks the main navigation's entry named {@code text} and waits for the view it opens. */
  WebElement navigate(String text) {
    WebElement entry = driver.findElement(By.id("nav")).findElement(By.linkText(text));
    entry.click();
    wait.until(d -> "page".equals(entry.getAttribute("aria-current")));
    return viewLoaded();
  }

  /** Waits until the portal has finished drawing a view, and answers its first heading. */
  WebElement viewLoaded() {
    return wait.until(
        d -> {
          WebElement main;
          try {
            main = d.findElement(By.id("main"));
          } catch (WebDriverException e) {
            // The page left while being read (the sign-in form's own navigation still under
            // way): asked again on the page that replaces it. Any other failure stands.
            if (e instanceof NotFoundException
                || !String.valueOf(e.getMessage()).contains("aborted by navigation")) {
              throw e;
            }
            return null;
          }
          if (main.getAttribute("aria-busy") != null) {
            return null;
          }
          List<WebElement> headings = main.findElements(By.cssSelector("h1, h2"));
          return headings.isEmpty() ? null : headings.get(0);
        });
  }

  /**
   * Presses the mouse on {@code from}, moves it to {@code to} with the button held, and lets go.
   */
  void drag(WebElement from, WebElement to) {
    script("arguments[0].scrollIntoView({block: 'center'})", from);
    new Actions(driver).clickAndHold(from).moveToElement(to).release().perform();
  }

  /** Types {@code keys} into whatever has the keyboard focus. */
  void keys(CharSequence... keys) {
    new Actions(driver).sendKeys(keys).perform();
  }

  /** The element that has the keyboard focus. */
  WebElement active() {
    return driver.switchTo().activeElement();
  }

  /** Asserts that the focus is on the heading {@code text}, as it is after navigating to a view. */
  void assertFocusOnHeading(String text) {
    wait.until(
        d -> {
          WebElement focused = active();
          return focused.getTagName().matches("h[12]") && focused.getText().equals(text);
        });
  }

  /**
   * Checks the view on screen: no serious or critical axe-core violation, no horizontal scrolling
   * at 390 px, and screenshots at both widths named {@code name}.
   */
  void check(String name) {
    assertAccessible(name);
    shoot(name + "-1280");
    driver.manage().window().setSize(NARROW);
    try {
      wait.until(d -> script("return window.innerWidth").equals(390L));
      assertThat((Long) script("return document.documentElement.scrollWidth - window.innerWidth"))
          .as("%s scrolls sideways at 390 px by", name)
          .isLessThanOrEqualTo(0L);
      assertAccessible(name + " at 390 px");
      shoot(name + "-390");
    } finally {
      driver.manage().window().setSize(WIDE);
      wait.until(d -> script("return window.innerWidth").equals(1280L));
    }
  }

  private void assertAccessible(String name) {
    // Axe run in the page itself (no second window to merge frames: the portal has none), reporting
    // the nodes of violations alone: the same rules, a fraction of the time.
    AxeRunOptions options = new AxeRunOptions();
    options.setResultTypes(List.of("violations"));
    Results results = new AxeBuilder().withOptions(options).setLegacyMode(true).analyze(driver);
    assertThat(results.getErrorMessage()).as("axe-core on %s", name).isNull();
    List<String> blocking =
        results.getViolations().stream()
            .filter(rule -> BLOCKING.contains(rule.getImpact()))
            .map(Chromium::describe)
            .toList();
    assertThat(blocking).as("serious or critical accessibility violations on %s", name).isEmpty();
  }

  private static String describe(Rule rule) {
    return rule.getImpact()
        + " "
        + rule.getId()
        + ": "
        + rule.getHelp()
        + " at "
        + rule.getNodes().stream().map(node -> String.valueOf(node.getTarget())).toList();
  }

  Object script(String script, Object... arguments) {
    return ((JavascriptExecutor) driver).executeScript(script, arguments);
  }

  void shoot(String name) {
    try {
      Files.move(
          driver.getScreenshotAs(OutputType.FILE).toPath(),
          SCREENSHOTS.resolve(name + ".png"),
          StandardCopyOption.REPLACE_EXISTING);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  @Override
  public void close() {
    driver.quit();
  }
}
