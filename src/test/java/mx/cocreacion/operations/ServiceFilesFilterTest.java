package mx.cocreacion.operations;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import jakarta.servlet.FilterChain;
import java.io.IOException;
import java.io.InputStream;
import java.net.URL;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.ServiceLoader;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import org.camunda.bpm.engine.rest.spi.ProcessEngineProvider;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The request thread's service files come from memory, everything else from the original loader. */
class ServiceFilesFilterTest {

  static final String PROVIDER_FILE = ServiceFilesFilter.SERVICE_FILES + ProcessEngineProvider.class.getName();

  /** The application's loader, counting how often it is asked for a service file. */
  static class CountingLoader extends ClassLoader {
    final AtomicInteger serviceFileLookups = new AtomicInteger();

    CountingLoader() {
      super(ServiceFilesFilterTest.class.getClassLoader());
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (name.startsWith(ServiceFilesFilter.SERVICE_FILES)) {
        serviceFileLookups.incrementAndGet();
      }
      return super.getResources(name);
    }
  }

  @Test
  void theEngineProviderIsFoundThroughTheRequestLoaderAndItsFileIsReadOnce() throws Exception {
    var original = new CountingLoader();
    List<String> found = new ArrayList<>();
    FilterChain chain = (request, response) -> ServiceLoader.load(ProcessEngineProvider.class)
        .forEach(provider -> found.add(provider.getClass().getName()));

    List<String> expected = new ArrayList<>();
    ServiceLoader.load(ProcessEngineProvider.class, original).forEach(p -> expected.add(p.getClass().getName()));
    int before = original.serviceFileLookups.get();
    var filter = new ServiceFilesFilter();
    for (int i = 0; i < 3; i++) {
      onThreadWith(original, () -> filter.doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), chain));
    }

    assertThat(expected).isNotEmpty();
    assertThat(found).hasSize(3 * expected.size()).containsOnlyElementsOf(expected);
    assertThat(original.serviceFileLookups.get() - before).as("service files asked of the original loader")
        .isEqualTo(1);
  }

  @Test
  void aServiceFileReadsTheSameBytesAsTheOriginal() throws Exception {
    var loader = new ServiceFilesFilter.CachingLoader(getClass().getClassLoader());

    List<URL> cached = Collections.list(loader.getResources(PROVIDER_FILE));
    List<URL> originals = Collections.list(getClass().getClassLoader().getResources(PROVIDER_FILE));

    assertThat(cached).hasSameSizeAs(originals).isNotEmpty();
    for (int i = 0; i < cached.size(); i++) {
      assertThat(bytes(cached.get(i))).isEqualTo(bytes(originals.get(i)));
      assertThat(cached.get(i).toString()).contains(originals.get(i).toString());
    }
    assertThat(Collections.list(loader.getResources(ServiceFilesFilter.SERVICE_FILES + "no.such.Service"))).isEmpty();
  }

  @Test
  void classesAndOtherResourcesComeFromTheOriginalLoader() throws Exception {
    ClassLoader parent = getClass().getClassLoader();
    var loader = new ServiceFilesFilter.CachingLoader(parent);

    assertThat(loader.loadClass(ProcessEngineProvider.class.getName())).isSameAs(ProcessEngineProvider.class);
    assertThat(Class.forName(ServiceFilesFilterTest.class.getName(), false, loader)).isSameAs(ServiceFilesFilterTest.class);
    assertThatThrownBy(() -> loader.loadClass("no.such.Type")).isInstanceOf(ClassNotFoundException.class);
    assertThat(Collections.list(loader.getResources("application.yaml")))
        .isEqualTo(Collections.list(parent.getResources("application.yaml")));
    assertThat(Collections.list(loader.getResources(ServiceFilesFilter.SERVICE_FILES))).as("the folder itself")
        .isEqualTo(Collections.list(parent.getResources(ServiceFilesFilter.SERVICE_FILES)));
  }

  @Test
  void theOriginalLoaderIsBackAfterTheRequestEvenWhenItFails() throws Exception {
    var original = new CountingLoader();
    var during = new AtomicReference<ClassLoader>();
    FilterChain failing = (request, response) -> {
      during.set(Thread.currentThread().getContextClassLoader());
      throw new IllegalStateException("falla");
    };
    var after = new AtomicReference<ClassLoader>();

    onThreadWith(original, () -> {
      assertThatThrownBy(() -> new ServiceFilesFilter()
          .doFilter(new MockHttpServletRequest(), new MockHttpServletResponse(), failing))
          .hasMessage("falla");
      after.set(Thread.currentThread().getContextClassLoader());
    });

    assertThat(during.get()).isInstanceOf(ServiceFilesFilter.CachingLoader.class).extracting(ClassLoader::getParent)
        .isSameAs(original);
    assertThat(after.get()).isSameAs(original);
  }

  interface Body {
    void run() throws Exception;
  }

  /** Runs the body on this thread with {@code loader} as its context class loader, then puts the old one back. */
  static void onThreadWith(ClassLoader loader, Body body) throws Exception {
    Thread thread = Thread.currentThread();
    ClassLoader before = thread.getContextClassLoader();
    thread.setContextClassLoader(loader);
    try {
      body.run();
    } finally {
      thread.setContextClassLoader(before);
    }
  }

  static byte[] bytes(URL url) throws IOException {
    try (InputStream in = url.openStream()) {
      return in.readAllBytes();
    }
  }
}
