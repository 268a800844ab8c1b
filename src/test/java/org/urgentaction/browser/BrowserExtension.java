package org.urgentaction.browser;

import java.lang.reflect.Field;

import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.chrome.ChromeDriver;

/**
 * A fresh headless Chromium for every test, put in the test's {@code ChromeDriver} fields and quit
 * afterwards, so no test sees another's cookies or pages.
 */
final class BrowserExtension implements BeforeEachCallback, AfterEachCallback {

    private static final ExtensionContext.Namespace NAMESPACE =
            ExtensionContext.Namespace.create(BrowserExtension.class);

    @Override
    public void beforeEach(ExtensionContext context) throws IllegalAccessException {
        ChromeDriver browser = Browser.start();
        context.getStore(NAMESPACE).put(ChromeDriver.class, browser);
        Object test = context.getRequiredTestInstance();
        for (Class<?> type = test.getClass(); type != Object.class; type = type.getSuperclass()) {
            for (Field field : type.getDeclaredFields()) {
                if (field.getType() == ChromeDriver.class) {
                    field.setAccessible(true);
                    field.set(test, browser);
                }
            }
        }
    }

    @Override
    public void afterEach(ExtensionContext context) {
        ChromeDriver browser = context.getStore(NAMESPACE).remove(ChromeDriver.class, ChromeDriver.class);
        if (browser != null) {
            browser.quit();
        }
    }
}
