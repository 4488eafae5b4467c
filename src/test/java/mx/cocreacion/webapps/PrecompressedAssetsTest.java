package mx.cocreacion.webapps;

import static org.assertj.core.api.Assertions.assertThat;

import com.aayushatharva.brotli4j.decoder.Decoder;
import java.io.InputStream;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.springframework.mock.web.MockFilterChain;
import org.springframework.mock.web.MockHttpServletRequest;
import org.springframework.mock.web.MockHttpServletResponse;

/** The webapps' largest assets in Brotli: the same bytes as the webjar's, only to browsers that accept it. */
class PrecompressedAssetsTest {

  @Test
  void depsTravelInBrotliToBrowsersThatAcceptItAndUnchangedToOthers() throws Exception {
    Assumptions.assumeTrue(PrecompressedAssets.available(), "no native Brotli on this platform");
    PrecompressedAssets assets = new PrecompressedAssets();
    assets.compressAll();

    MockHttpServletResponse brotli = get(assets, "gzip, deflate, br, zstd");
    assertThat(brotli.getHeader("Content-Encoding")).isEqualTo("br");
    assertThat(brotli.getHeader("Cache-Control")).isEqualTo(StaticAssetCacheFilter.IMMUTABLE);
    assertThat(brotli.getHeader("Vary")).isEqualTo("Accept-Encoding");
    byte[] original;
    try (InputStream in = getClass().getClassLoader().getResourceAsStream(PrecompressedAssets.WEBJAR + "/lib/deps.js")) {
      original = in.readAllBytes();
    }
    assertThat(brotli.getContentAsByteArray().length).isLessThan(original.length / 4);
    assertThat(Decoder.decompress(brotli.getContentAsByteArray()).getDecompressedData()).isEqualTo(original);

    MockHttpServletResponse revalidated = get(assets, "br", brotli.getHeader("ETag"));
    assertThat(revalidated.getStatus()).isEqualTo(304);
    assertThat(revalidated.getContentAsByteArray()).isEmpty();

    MockHttpServletResponse gzip = get(assets, "gzip, deflate");
    assertThat(gzip.getHeader("Content-Encoding")).as("left to the server's gzip").isNull();
    assertThat(get(assets, "gzip, br;q=0").getHeader("Content-Encoding")).isNull();
  }

  private static MockHttpServletResponse get(PrecompressedAssets assets, String acceptEncoding, String... etag)
      throws Exception {
    MockHttpServletRequest request = new MockHttpServletRequest("GET", "/camunda/lib/deps.js");
    request.setParameter("bust", "7.24.0");
    request.addHeader("Accept-Encoding", acceptEncoding);
    if (etag.length > 0) {
      request.addHeader("If-None-Match", etag[0]);
    }
    MockHttpServletResponse response = new MockHttpServletResponse();
    response.setHeader("Cache-Control", StaticAssetCacheFilter.IMMUTABLE);
    assets.doFilter(request, response, new MockFilterChain());
    return response;
  }
}
