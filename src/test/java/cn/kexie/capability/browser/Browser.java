package cn.kexie.capability.browser;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.extension.AfterTestExecutionCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.SearchContext;
import org.openqa.selenium.StaleElementReferenceException;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * A headless Chromium in Chinese driven through Debian's chromedriver, as one person at the
 * platform's pages: logs in, clicks Vaadin's buttons by their text, fills fields by their label,
 * waits for conditions (never for time). As a JUnit extension it saves a screenshot and the page's
 * HTML into {@code target/browser-screenshots} when a test fails, and quits the browser after each test.
 */
final class Browser implements AfterTestExecutionCallback {

    static final Path SCREENSHOTS = Path.of("target", "browser-screenshots");
    private static final Duration PATIENCE = Duration.ofSeconds(Integer.getInteger("browser.patience.seconds", 45));

    private int port;
    private ChromeDriver driver;
    private WebDriverWait wait;

    Browser port(int port) {
        this.port = port;
        return this;
    }

    ChromeDriver driver() {
        if (driver == null) {
            ChromeOptions options = new ChromeOptions();
            options.setBinary(System.getProperty("browser.binary", "/usr/bin/chromium"));
            options.addArguments("--headless=new", "--no-sandbox", "--disable-dev-shm-usage", "--disable-gpu",
                    "--window-size=1440,1000", "--lang=zh-CN", "--disable-search-engine-choice-screen");
            options.setExperimentalOption("prefs", Map.of("intl.accept_languages", "zh-CN,zh"));
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of(System.getProperty("browser.driver", "/usr/bin/chromedriver")).toFile())
                    .usingAnyFreePort().build();
            driver = new ChromeDriver(service, options);
            wait = new WebDriverWait(driver, PATIENCE);
            wait.ignoring(StaleElementReferenceException.class);
        }
        return driver;
    }

    /** Opens a page of the platform and waits until Vaadin has rendered it. */
    void open(String path) {
        driver().get("http://localhost:" + port + "/" + path);
        settled();
    }

    /** Waits until the page has loaded and Vaadin has no request to the server in flight. */
    void settled() {
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript("""
                if (document.readyState !== 'complete') return false;
                const clients = window.Vaadin && window.Vaadin.Flow && window.Vaadin.Flow.clients;
                if (!clients) return false;
                return Object.values(clients).every(c => !c.isActive || !c.isActive());""")));
    }

    void login(String user) {
        open("login");
        WebElement username = wait.until(ExpectedConditions.elementToBeClickable(By.cssSelector("input[name=username]")));
        username.sendKeys(user);
        driver.findElement(By.cssSelector("input[name=password]")).sendKeys("demo", Keys.ENTER);
        wait.until(d -> !d.getCurrentUrl().contains("/login"));
        settled();
    }

    /** Ends the session: the browser forgets its cookies, as after closing it. */
    void logout() {
        driver().manage().deleteAllCookies();
    }

    /** The button with this text (Vaadin keeps a button's text in the light DOM), once it can be clicked. */
    WebElement button(String text) {
        return wait.until(d -> d.findElements(By.xpath("//vaadin-button[normalize-space(.)=" + literal(text) + "]")).stream()
                .filter(this::visible).filter(b -> b.getAttribute("disabled") == null).findFirst().orElse(null));
    }

    void click(String buttonText) {
        clickInView(button(buttonText));
    }

    /** Clicks an element after scrolling it to the middle of its scrolling container (Vaadin's app layout scrolls its content, not the window). */
    void clickInView(WebElement element) {
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center', inline: 'nearest'})", element);
        element.click();
        settled();
    }

    /** A visible Vaadin field (text field, text area, number field, select …) by its label, or else by how its label starts. */
    WebElement field(String tag, String label) {
        return wait.until(d -> {
            WebElement starting = null;
            for (WebElement field : d.findElements(By.tagName(tag))) {
                if (!visible(field)) {
                    continue;
                }
                String own = (String) ((JavascriptExecutor) d).executeScript("return arguments[0].label || ''", field);
                if (own.equals(label)) {
                    return field;
                }
                if (starting == null && own.startsWith(label)) {
                    starting = field;
                }
            }
            return starting;
        });
    }

    /**
     * Whether the element is rendered (not hidden, not in a closed dialog). Selenium's own isDisplayed counts an
     * element scrolled out of Vaadin's scrolling content area as hidden.
     */
    boolean visible(WebElement element) {
        return Boolean.TRUE.equals(((JavascriptExecutor) driver).executeScript(
                "return arguments[0].checkVisibility({visibilityProperty: true})", element));
    }

    void type(String tag, String label, String text) {
        WebElement field = field(tag, label);
        WebElement input = field.findElement(By.cssSelector("input, textarea"));
        ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
        input.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        input.sendKeys(text);
        if (tag.equals("vaadin-date-picker")) {
            // a date picker opens its calendar while one types; Enter takes the date and closes it
            input.sendKeys(Keys.ENTER);
            wait.until(d -> d.findElements(By.cssSelector("vaadin-date-picker-overlay[opened]")).isEmpty());
        }
        input.sendKeys(Keys.TAB);
        settled();
    }

    /** Clicks the radio button, checkbox or other labelled item of this tag whose text is {@code text}. */
    void clickItem(String tag, String text) {
        // the item's text may go on with a helper text; its label is what a person clicks
        WebElement item = wait.until(ExpectedConditions.presenceOfElementLocated(By.xpath(
                "//" + tag + "[starts-with(normalize-space(.), " + literal(text) + ")]")));
        List<WebElement> labels = item.findElements(By.xpath("./label"));
        clickInView(labels.isEmpty() ? item : labels.get(0));
    }

    /** Clicks the button with this text in the row of the page's grid that shows {@code rowText}. */
    void clickInRow(String rowText, String buttonText) {
        WebElement button = wait.until(d -> (WebElement) ((JavascriptExecutor) d).executeScript("""
                for (const grid of document.querySelectorAll('vaadin-grid')) {
                  for (const row of grid.shadowRoot.querySelectorAll('tbody tr')) {
                    const cells = [...row.querySelectorAll('slot')].flatMap(s => s.assignedElements());
                    if (cells.some(c => c.textContent.includes(arguments[0]))) {
                      const button = cells.flatMap(c => [...c.querySelectorAll('vaadin-button')])
                          .find(b => b.textContent.trim() === arguments[1]);
                      if (button) return button;
                    }
                  }
                }
                return null;""", rowText, buttonText));
        clickInView(button);
    }

    /** Types into every number field whose id starts with {@code idPrefix} its own maximum. */
    int fillNumbersWithTheirMaximum(String idPrefix) {
        List<WebElement> fields = wait.until(d -> {
            List<WebElement> found = d.findElements(By.cssSelector("vaadin-number-field[id^='" + idPrefix + "']"));
            return found.isEmpty() ? null : found;
        });
        for (WebElement field : fields) {
            Object max = ((JavascriptExecutor) driver).executeScript("return arguments[0].max", field);
            WebElement input = field.findElement(By.cssSelector("input"));
            ((JavascriptExecutor) driver).executeScript("arguments[0].scrollIntoView({block: 'center'})", input);
            input.sendKeys(String.valueOf(max), Keys.TAB);
        }
        settled();
        return fields.size();
    }

    /** Chooses the item of a Vaadin select whose text contains {@code item}. */
    void choose(String label, String item) {
        clickInView(field("vaadin-select", label));
        wait.until(ExpectedConditions.elementToBeClickable(By.xpath(
                "//vaadin-select-item[contains(normalize-space(.), " + literal(item) + ")]"))).click();
        settled();
    }

    /** Hands a file to the page's (only visible) Vaadin upload and waits until the server has it. */
    void upload(Path file) {
        WebElement upload = wait.until(d -> d.findElements(By.tagName("vaadin-upload")).stream()
                .filter(this::visible).findFirst().orElse(null));
        SearchContext shadow = upload.getShadowRoot();
        shadow.findElement(By.cssSelector("input[type=file]")).sendKeys(file.toAbsolutePath().toString());
        // the file joins the box as soon as it is chosen; the box empties once the server has it
        // (stored or refused, the form lists what it received), so: every file done, or none left
        wait.until(d -> Boolean.TRUE.equals(((JavascriptExecutor) d).executeScript(
                "return arguments[0].files.every(f => f.complete || f.error)", upload)));
        settled();
    }

    /** Waits for a notification (toast) whose text contains each of the parts, and returns its whole text. */
    String notification(String... parts) {
        return wait.until(d -> {
            for (WebElement card : d.findElements(By.tagName("vaadin-notification-card"))) {
                String text = card.getText();
                if (List.of(parts).stream().allMatch(text::contains)) {
                    return text;
                }
            }
            return null;
        });
    }

    /** Waits until the page's text contains each of the parts. */
    String pageShows(String... parts) {
        return wait.until(d -> {
            String text = pageText();
            return List.of(parts).stream().allMatch(text::contains) ? text : null;
        });
    }

    /**
     * The page's rendered text, also of what is scrolled out of view (Selenium's getText leaves out what
     * lies outside Vaadin's scrolling content area).
     */
    String pageText() {
        return (String) ((JavascriptExecutor) driver()).executeScript("return document.body.innerText");
    }

    String currentPath() {
        return driver().getCurrentUrl().replaceFirst("^https?://[^/]+/", "");
    }

    WebDriverWait waiting() {
        driver();
        return wait;
    }

    private static String literal(String text) {
        if (!text.contains("'")) {
            return "'" + text + "'";
        }
        return "concat('" + text.replace("'", "',\"'\",'") + "')";
    }

    @Override
    public void afterTestExecution(ExtensionContext context) {
        try {
            if (driver != null && context.getExecutionException().isPresent()) {
                Files.createDirectories(SCREENSHOTS);
                String name = context.getRequiredTestClass().getSimpleName() + "-" + context.getRequiredTestMethod().getName();
                Files.write(SCREENSHOTS.resolve(name + ".png"), driver.getScreenshotAs(OutputType.BYTES));
                Files.writeString(SCREENSHOTS.resolve(name + ".html"), driver.getPageSource());
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (RuntimeException e) {
            // the browser itself may be what failed; the test's own failure is reported anyway
        } finally {
            if (driver != null) {
                driver.quit();
                driver = null;
            }
        }
    }
}
