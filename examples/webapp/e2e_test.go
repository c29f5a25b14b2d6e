package main

import (
	"context"
	"net/http/httptest"
	"os"
	"os/exec"
	"path/filepath"
	"strings"
	"testing"
	"time"

	"github.com/chromedp/chromedp"
	"github.com/stretchr/testify/assert"
	"github.com/stretchr/testify/require"

	"github.com/billkit/billkit/invoice"
)

// The environment variables of the browser test.
const (
	// requireBrowserEnv, when set, makes a missing or broken browser a
	// failure instead of a skip: CI sets it once it has installed one.
	requireBrowserEnv = "BILLKIT_REQUIRE_BROWSER"
	// screenshotEnv names a file to which the test also writes its
	// screenshot of the invoice page, such as docs/invoice-page.png.
	screenshotEnv = "BILLKIT_SCREENSHOT"
)

// findBrowser returns the path of a Chromium or Chrome executable, or ""
// when there is none.
func findBrowser() string {
	for _, name := range []string{"chromium", "chromium-browser", "google-chrome", "google-chrome-stable"} {
		if p, err := exec.LookPath(name); err == nil {
			return p
		}
	}
	if _, err := os.Stat("/usr/bin/chromium"); err == nil {
		return "/usr/bin/chromium"
	}
	return ""
}

// The whole loop in a real browser: Claire opens an invoice, is asked
// who she is and lands back on it once she has chosen; she posts a
// message that @mentions Bruno and sees it in the thread; she switches
// to Bruno, whose header counts the notification and whose list shows
// it, and follows it back to the invoice.
func TestBrowserMentionFlow(t *testing.T) {
	required := os.Getenv(requireBrowserEnv) != ""
	browser := findBrowser()
	if browser == "" {
		if required {
			t.Fatalf("%s is set but no Chromium or Chrome was found", requireBrowserEnv)
		}
		t.Skip("no Chromium or Chrome found; set " + requireBrowserEnv + " to make this a failure")
	}

	a := newTestApp(t)
	srv := httptest.NewServer(a)
	defer srv.Close()
	inv := invoiceOf(t, a, boulangerie, invoice.StatusPaid)
	page := srv.URL + "/invoices/" + inv.ID.String()

	// A closed network makes Chromium wait on its background services:
	// they are all turned off.
	opts := []chromedp.ExecAllocatorOption{
		chromedp.ExecPath(browser),
		chromedp.Headless,
		chromedp.NoSandbox, // the tests may run as root, in a container
		chromedp.DisableGPU,
		chromedp.NoFirstRun,
		chromedp.NoDefaultBrowserCheck,
		chromedp.UserDataDir(t.TempDir()),
		chromedp.WindowSize(1440, 1050),
		chromedp.Flag("disable-quic", true),
		chromedp.Flag("disable-background-networking", true),
		chromedp.Flag("disable-component-update", true),
		chromedp.Flag("disable-sync", true),
		chromedp.Flag("disable-extensions", true),
		chromedp.Flag("disable-dev-shm-usage", true),
		chromedp.Flag("hide-scrollbars", true),
		chromedp.Flag("mute-audio", true),
	}
	// The whole test, browser included, has two minutes at most: the
	// allocator's context bounds the browser's life.
	limit, cancelLimit := context.WithTimeout(context.Background(), 2*time.Minute)
	defer cancelLimit()
	allocCtx, cancelAlloc := chromedp.NewExecAllocator(limit, opts...)
	defer cancelAlloc()
	ctx, cancelTab := chromedp.NewContext(allocCtx)
	defer cancelTab()

	// Starting the browser is the first action: a browser that cannot
	// start is a skip, or a failure when one is required.
	if err := chromedp.Do(ctx, chromedp.Navigate(page)); err != nil {
		if required {
			t.Fatalf("the browser %s could not start or load the page: %v", browser, err)
		}
		t.Skipf("the browser %s could not start or load the page: %v", browser, err)
	}

	// Nobody is signed in yet: the invoice leads to the sign-in page,
	// which leads back to it once Claire has said who she is.
	require.NoError(t, chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.ID("signin-"+claire)),
		chromedp.Click(chromedp.ID("signin-"+claire)),
		chromedp.WaitVisible(`//label[@title="Claire Dubois, Accountant"]`),
	))
	location, err := chromedp.Run(ctx, chromedp.Location())
	require.NoError(t, err)
	assert.Equal(t, page, location)

	// Claire posts a message that mentions Bruno, and sees it in the
	// thread with the mention marked.
	const message = "@bruno the Boulangerie asks for the same 15 % on the second contract's kick-off: did we agree on it?"
	posted := `//div[@class="body"][contains(., "second contract")]`
	require.NoError(t, chromedp.Do(ctx,
		chromedp.WaitVisible(chromedp.ID("post-body")),
		chromedp.SendKeys(chromedp.ID("post-body"), message),
		chromedp.Click(chromedp.ID("post-submit")),
		chromedp.WaitVisible(posted),
	))
	mention, err := chromedp.Run(ctx, chromedp.Text(posted+`/span[@class="mention"]`))
	require.NoError(t, err)
	assert.Equal(t, "@bruno", mention)
	status, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("object-status")))
	require.NoError(t, err)
	assert.Equal(t, "paid", status)

	// The picture of the page, from its top, once the framed invoice
	// document has loaded.
	require.NoError(t, chromedp.Do(ctx, chromedp.Navigate(page), chromedp.WaitVisible(posted)))
	_, err = chromedp.Run(ctx, chromedp.Poll[bool](`(() => { const d = document.querySelector("iframe").contentDocument;
		return d !== null && d.readyState === "complete" && d.querySelector("table") !== null; })()`,
		chromedp.WithPollingTimeout(30*time.Second)))
	require.NoError(t, err)
	shot, err := chromedp.Run(ctx, chromedp.CaptureScreenshot())
	require.NoError(t, err)
	path := filepath.Join(t.TempDir(), "invoice-page.png")
	if p := os.Getenv(screenshotEnv); p != "" {
		path = p
	}
	require.NoError(t, os.WriteFile(path, shot, 0o644))
	t.Logf("screenshot of the invoice page: %s", path)

	// Claire switches to Bruno, whose header counts the notification and
	// whose list shows it; it leads back to the invoice.
	link := `//li[contains(@class, "unread")]//a[contains(., "Claire Dubois mentioned you")]`
	require.NoError(t, chromedp.Do(ctx,
		chromedp.SetValue(chromedp.ID("user-select"), bruno),
		chromedp.Click(chromedp.ID("switch-user")),
		chromedp.WaitVisible(`//label[@title="Bruno Petit, Sales manager"]`),
	))
	unread, err := chromedp.Run(ctx, chromedp.Text(chromedp.ID("unread")))
	require.NoError(t, err)
	assert.NotEmpty(t, strings.TrimSpace(unread))
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(chromedp.ID("notifications-link")),
		chromedp.WaitVisible(link),
	))
	notification, err := chromedp.Run(ctx, chromedp.Text(`//li[contains(@class, "unread")][.//a[contains(., "Claire Dubois mentioned you")]]`))
	require.NoError(t, err)
	assert.Contains(t, notification, "Invoice "+inv.Document.Number)
	assert.Contains(t, notification, "second contract")
	require.NoError(t, chromedp.Do(ctx,
		chromedp.Click(link),
		chromedp.WaitVisible(`//h1[contains(., "`+inv.Document.Number+`")]`),
	))
}
