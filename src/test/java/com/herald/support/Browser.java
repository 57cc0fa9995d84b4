package com.herald.support;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.List;
import java.util.logging.Level;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.logging.LogEntry;
import org.openqa.selenium.logging.LogType;
import org.openqa.selenium.logging.LoggingPreferences;
import org.openqa.selenium.support.ui.WebDriverWait;

/** Debian's headless Chromium with its own chromedriver, so Selenium Manager never downloads anything. */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final ChromeDriver driver;
    private final String baseUrl;

    public Browser(String baseUrl) {
        this.baseUrl = baseUrl;
        ChromeDriverService service = new ChromeDriverService.Builder()
                .usingDriverExecutable(Path.of(env("HERALD_CHROMEDRIVER", "/usr/bin/chromedriver"))
                        .toFile())
                .usingAnyFreePort()
                .build();
        ChromeOptions options = new ChromeOptions();
        options.setBinary(env("HERALD_CHROMIUM", "/usr/bin/chromium"));
        options.addArguments(
                "--headless=new",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-dev-shm-usage",
                "--disable-background-networking",
                "--disable-component-update",
                "--no-first-run",
                "--window-size=1280,900",
                "--user-data-dir=" + tempProfile());
        LoggingPreferences logs = new LoggingPreferences();
        logs.enable(LogType.BROWSER, Level.ALL);
        options.setCapability("goog:loggingPrefs", logs);
        this.driver = new ChromeDriver(service, options);
    }

    public ChromeDriver driver() {
        return driver;
    }

    public void open(String path) {
        driver.get(baseUrl + path);
    }

    public WebDriverWait waitUpTo(Duration timeout) {
        return new WebDriverWait(driver, timeout);
    }

    public void screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            byte[] png = ((TakesScreenshot) driver).getScreenshotAs(OutputType.BYTES);
            Files.write(SCREENSHOTS.resolve(name + ".png"), png);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /**
     * A screenshot to target/screenshots/ that is also one of the gallery's pictures: with the system property
     * {@code herald.gallery.dir} (Maven profile {@code gallery}) it is copied there too (templates-docs/img/).
     */
    public void galleryShot(String name) {
        screenshot(name);
        String gallery = System.getProperty("herald.gallery.dir");
        if (gallery == null || gallery.isBlank()) {
            return;
        }
        try {
            Path dir = Files.createDirectories(Path.of(gallery));
            Files.copy(
                    SCREENSHOTS.resolve(name + ".png"),
                    dir.resolve(name + ".png"),
                    java.nio.file.StandardCopyOption.REPLACE_EXISTING);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Console errors, such as a script or style blocked by the Content-Security-Policy. */
    public List<String> consoleErrors() {
        return driver.manage().logs().get(LogType.BROWSER).getAll().stream()
                .filter(entry -> entry.getLevel().intValue() >= Level.SEVERE.intValue())
                .map(LogEntry::getMessage)
                .toList();
    }

    @Override
    public void close() {
        driver.quit();
    }

    private static String env(String name, String fallback) {
        String value = System.getenv(name);
        return value == null || value.isBlank() ? fallback : value;
    }

    private static String tempProfile() {
        try {
            return Files.createTempDirectory("herald-chromium").toString();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
