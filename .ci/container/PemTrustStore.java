import java.io.FileInputStream;
import java.io.FileOutputStream;
import java.io.InputStream;
import java.io.OutputStream;
import java.security.KeyStore;
import java.security.cert.Certificate;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;

/**
 * The stand-in JDK's trust store (jdk.Containerfile): every certificate of a PEM bundle in a
 * PKCS12 store without a password, the form of the JDK's own lib/security/cacerts since Java 18,
 * which Java reads without one. Run with Java's source launcher: java PemTrustStore.java BUNDLE STORE
 */
public class PemTrustStore {

	public static void main(String[] args) throws Exception {
		// neither the certificates nor the file are protected by a password
		System.setProperty("keystore.pkcs12.certProtectionAlgorithm", "NONE");
		System.setProperty("keystore.pkcs12.macAlgorithm", "NONE");
		KeyStore store = KeyStore.getInstance("PKCS12");
		store.load(null, null);
		int count = 0;
		try (InputStream in = new FileInputStream(args[0])) {
			for (Certificate certificate : CertificateFactory.getInstance("X.509").generateCertificates(in)) {
				X509Certificate x509 = (X509Certificate) certificate;
				store.setCertificateEntry(count++ + " " + x509.getSubjectX500Principal().getName(), x509);
			}
		}
		if (count == 0) {
			throw new IllegalStateException("no certificate in " + args[0]);
		}
		try (OutputStream out = new FileOutputStream(args[1])) {
			store.store(out, null);
		}
		System.out.println(args[1] + ": the " + count + " certificates of " + args[0]);
	}

}
