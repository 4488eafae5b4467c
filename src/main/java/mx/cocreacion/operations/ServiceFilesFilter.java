package mx.cocreacion.operations;

import jakarta.servlet.FilterChain;
import jakarta.servlet.ServletException;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.net.MalformedURLException;
import java.net.URL;
import java.net.URLConnection;
import java.net.URLStreamHandler;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Enumeration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import org.springframework.web.filter.OncePerRequestFilter;

/**
 * Answers the service files ({@code META-INF/services/...}) of a request thread from memory.
 *
 * <p>Camunda's engine REST finds the process engine with a {@link java.util.ServiceLoader} twice in every
 * request ({@code EngineUtil.lookupProcessEngine}: in its authentication filter and in the constructor of every
 * resource). Each lookup asks the thread's context class loader (Tomcat's) for
 * {@code META-INF/services/org.camunda.bpm.engine.rest.spi.ProcessEngineProvider} in every jar of the
 * application, then opens and reads the file it finds: 4 % of the node's CPU in the benchmark's walk
 * (docs/benchmark.md, «Three cuts in the node»). The jars do not change while the application
 * runs, so this filter gives the request a context class loader that reads each service file once, keeps its
 * bytes, and answers later look-ups with the same contents. Classes and every other resource come from the
 * original loader, unchanged; the original is back on the thread when the request leaves. A thread started during
 * a request inherits the wrapper (its parent is Tomcat's loader); nothing in engine REST or the webapps tests the
 * thread's loader for Tomcat's class. Look-ups outside requests that have a faster path of their own (the mail
 * and XML datatype factories) are pinned at start-up by {@link ServiceLookups}.
 */
public class ServiceFilesFilter extends OncePerRequestFilter {

  static final String SERVICE_FILES = "META-INF/services/";

  private final Map<ClassLoader, CachingLoader> loaders = new ConcurrentHashMap<>();

  @Override
  protected void doFilterInternal(HttpServletRequest request, HttpServletResponse response, FilterChain chain)
      throws ServletException, IOException {
    Thread thread = Thread.currentThread();
    ClassLoader original = thread.getContextClassLoader();
    if (original == null || original instanceof CachingLoader) {
      chain.doFilter(request, response);
      return;
    }
    thread.setContextClassLoader(loaders.computeIfAbsent(original, CachingLoader::new));
    try {
      chain.doFilter(request, response);
    } finally {
      thread.setContextClassLoader(original);
    }
  }

  /** A class loader that asks its parent for everything, and for a service file only once. */
  static final class CachingLoader extends ClassLoader {

    static {
      // The JVM would otherwise lock this one loader, shared by every request, around each class it resolves.
      registerAsParallelCapable();
    }

    private final Map<String, List<URL>> serviceFiles = new ConcurrentHashMap<>();

    CachingLoader(ClassLoader parent) {
      super(parent);
    }

    /** The parent's class, without this loader's own lock (it defines no class). */
    @Override
    protected Class<?> loadClass(String name, boolean resolve) throws ClassNotFoundException {
      return getParent().loadClass(name);
    }

    @Override
    public Enumeration<URL> getResources(String name) throws IOException {
      if (!name.startsWith(SERVICE_FILES) || name.endsWith("/")) { // a folder (class path scanning) as it is
        return getParent().getResources(name);
      }
      try {
        return Collections.enumeration(serviceFiles.computeIfAbsent(name, this::read));
      } catch (UncheckedIOException e) {
        throw e.getCause();
      }
    }

    private List<URL> read(String name) {
      try {
        List<URL> copies = new ArrayList<>();
        for (URL url : Collections.list(getParent().getResources(name))) {
          try (InputStream in = url.openStream()) {
            copies.add(inMemory(url, in.readAllBytes()));
          }
        }
        return List.copyOf(copies);
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }

    /** A URL that reads the bytes kept (its text names the original, for messages). */
    private static URL inMemory(URL original, byte[] bytes) throws MalformedURLException {
      URLStreamHandler handler = new URLStreamHandler() {
        @Override
        protected URLConnection openConnection(URL url) {
          return new URLConnection(url) {
            @Override
            public void connect() {
              connected = true;
            }

            @Override
            public InputStream getInputStream() {
              return new ByteArrayInputStream(bytes);
            }

            @Override
            public long getContentLengthLong() {
              return bytes.length;
            }
          };
        }
      };
      return new URL("cached", "", -1, "/" + original, handler);
    }
  }
}
