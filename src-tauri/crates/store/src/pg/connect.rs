//! Opening a connection as [`PgConfig`] says: TLS per `sslmode` through rustls (ring), the
//! search path set to our schema in the start-up packet, and every failure a user can act on
//! turned into its own [`Error`] variant (no password in any of them).

use std::error::Error as _;
use std::sync::Arc;

use postgres::error::SqlState;
use rustls::client::WebPkiServerVerifier;
use rustls::client::danger::{HandshakeSignatureValid, ServerCertVerified, ServerCertVerifier};
use rustls::crypto::WebPkiSupportedAlgorithms;
use rustls::pki_types::pem::PemObject as _;
use rustls::pki_types::{CertificateDer, ServerName, UnixTime};
use rustls::{CertificateError, DigitallySignedStruct, RootCertStore, SignatureScheme};

use super::SCHEMA;
use super::config::{Host, PgConfig, RootCerts, SslMode};
use crate::{Error, Result};

/// Connects to the database `config` names. Nothing is written: the caller migrates
/// ([`super::migrate`]) or refuses.
pub fn connect(config: &PgConfig) -> Result<postgres::Client> {
    let mut pg = postgres::Config::new();
    match &config.host {
        Host::Tcp(name) => pg.host(name),
        #[cfg(unix)]
        Host::Socket(dir) => pg.host_path(dir),
        #[cfg(not(unix))]
        Host::Socket(dir) => {
            return Err(Error::PgSetting {
                setting: "host".to_owned(),
                problem: format!(
                    "{} is a Unix socket folder; Windows has none",
                    dir.display()
                ),
            });
        }
    };
    pg.port(config.port)
        .user(&config.user)
        .dbname(&config.database)
        .application_name(&config.application_name)
        // Our tables, and nothing a user of the database put in `public`, resolve unqualified
        // names (pg_catalog is searched first anyway).
        .options(&format!("-c search_path={SCHEMA}"));
    if let Some(password) = config.password() {
        pg.password(password.expose());
    }
    if let Some(timeout) = config.connect_timeout {
        pg.connect_timeout(timeout);
    }
    // libpq does no TLS over a Unix socket, whatever sslmode says.
    let mode = match (&config.host, config.sslmode) {
        (Host::Socket(_), _) | (_, SslMode::Disable) => postgres::config::SslMode::Disable,
        (_, SslMode::Prefer) => postgres::config::SslMode::Prefer,
        _ => postgres::config::SslMode::Require,
    };
    pg.ssl_mode(mode);
    let tls = tokio_postgres_rustls::MakeRustlsConnect::new(tls_config(config)?);
    pg.connect(tls).map_err(|e| classify(config, e))
}

/// The rustls client configuration for `config`'s `sslmode` and roots.
pub fn tls_config(config: &PgConfig) -> Result<rustls::ClientConfig> {
    // ring, not aws-lc-rs: aws-lc-rs needs cmake and NASM to cross-build for Windows with
    // mingw. rustls 0.23.48 deprecates ring's provider only because it lacks the
    // post-quantum key exchange (X25519MLKEM768); classic X25519 and the P-curves remain.
    #[allow(deprecated)]
    let provider = Arc::new(rustls::crypto::ring::default_provider());
    let tls_error = |reason: String| Error::PgTls {
        host: config.host.to_string(),
        port: config.port,
        reason,
    };
    let builder = rustls::ClientConfig::builder_with_provider(Arc::clone(&provider))
        .with_safe_default_protocol_versions()
        .map_err(|e| tls_error(e.to_string()))?;
    // `require` with a root file checks the chain, as libpq does; without one nothing is
    // checked (the connection is encrypted, not authenticated), like `prefer`.
    let verify = match (config.sslmode, &config.root_certs) {
        (SslMode::VerifyFull, _) => Verify::Full,
        (SslMode::VerifyCa, _) | (SslMode::Require, Some(RootCerts::File(_))) => Verify::Chain,
        _ => Verify::Nothing,
    };
    let verifier: Arc<dyn ServerCertVerifier> = match verify {
        Verify::Nothing => Arc::new(NoVerification(provider.signature_verification_algorithms)),
        Verify::Chain | Verify::Full => {
            let roots = root_store(config.root_certs.as_ref().unwrap_or(&RootCerts::System))?;
            let webpki = WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider)
                .build()
                .map_err(|e| tls_error(e.to_string()))?;
            if verify == Verify::Full {
                webpki
            } else {
                Arc::new(ChainOnly(webpki))
            }
        }
    };
    Ok(builder
        .dangerous()
        .with_custom_certificate_verifier(verifier)
        .with_no_client_auth())
}

#[derive(Debug, Clone, Copy, PartialEq, Eq)]
enum Verify {
    Nothing,
    Chain,
    Full,
}

/// The roots: a PEM file's certificates, or the operating system's.
fn root_store(roots: &RootCerts) -> Result<RootCertStore> {
    let mut store = RootCertStore::empty();
    match roots {
        RootCerts::File(path) => {
            let unreadable = |problem: String| Error::PgSetting {
                setting: "sslrootcert".to_owned(),
                problem: format!("{}: {problem}", path.display()),
            };
            let certs = CertificateDer::pem_file_iter(path)
                .map_err(|e| unreadable(e.to_string()))?
                .collect::<std::result::Result<Vec<_>, _>>()
                .map_err(|e| unreadable(e.to_string()))?;
            let (added, _) = store.add_parsable_certificates(certs);
            if added == 0 {
                return Err(unreadable("no certificate in it could be read".to_owned()));
            }
        }
        RootCerts::System => {
            let found = rustls_native_certs::load_native_certs();
            for error in &found.errors {
                tracing::warn!("system certificate store: {error}");
            }
            store.add_parsable_certificates(found.certs);
            if store.is_empty() {
                return Err(Error::PgSetting {
                    setting: "sslrootcert".to_owned(),
                    problem: "the system has no trusted certificates; name a CA file with \
                              sslrootcert"
                        .to_owned(),
                });
            }
        }
    }
    Ok(store)
}

/// `prefer` and plain `require`: any certificate is taken, the handshake's signatures are
/// still checked (so the session is encrypted with the key the server showed).
#[derive(Debug)]
struct NoVerification(WebPkiSupportedAlgorithms);

impl ServerCertVerifier for NoVerification {
    fn verify_server_cert(
        &self,
        _end_entity: &CertificateDer<'_>,
        _intermediates: &[CertificateDer<'_>],
        _server_name: &ServerName<'_>,
        _ocsp_response: &[u8],
        _now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        Ok(ServerCertVerified::assertion())
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls12_signature(message, cert, dss, &self.0)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        rustls::crypto::verify_tls13_signature(message, cert, dss, &self.0)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_schemes()
    }
}

/// `verify-ca`: the chain must lead to a trusted root; the name in it is not compared with
/// the host.
#[derive(Debug)]
struct ChainOnly(Arc<WebPkiServerVerifier>);

impl ServerCertVerifier for ChainOnly {
    fn verify_server_cert(
        &self,
        end_entity: &CertificateDer<'_>,
        intermediates: &[CertificateDer<'_>],
        server_name: &ServerName<'_>,
        ocsp_response: &[u8],
        now: UnixTime,
    ) -> std::result::Result<ServerCertVerified, rustls::Error> {
        match self
            .0
            .verify_server_cert(end_entity, intermediates, server_name, ocsp_response, now)
        {
            Err(rustls::Error::InvalidCertificate(
                CertificateError::NotValidForName | CertificateError::NotValidForNameContext { .. },
            )) => Ok(ServerCertVerified::assertion()),
            other => other,
        }
    }

    fn verify_tls12_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls12_signature(message, cert, dss)
    }

    fn verify_tls13_signature(
        &self,
        message: &[u8],
        cert: &CertificateDer<'_>,
        dss: &DigitallySignedStruct,
    ) -> std::result::Result<HandshakeSignatureValid, rustls::Error> {
        self.0.verify_tls13_signature(message, cert, dss)
    }

    fn supported_verify_schemes(&self) -> Vec<SignatureScheme> {
        self.0.supported_verify_schemes()
    }
}

/// The messages of an error and of everything that caused it, joined with `: `.
fn chain(error: &dyn std::error::Error) -> String {
    let mut text = error.to_string();
    let mut source = error.source();
    while let Some(cause) = source {
        let cause_text = cause.to_string();
        if !text.ends_with(&cause_text) {
            text.push_str(": ");
            text.push_str(&cause_text);
        }
        source = cause.source();
    }
    text
}

/// Sorts a failed connection into what the user can act on.
pub(crate) fn classify(config: &PgConfig, error: postgres::Error) -> Error {
    let host = config.host.to_string();
    let port = config.port;
    if let Some(db) = error.as_db_error() {
        let code = db.code();
        if *code == SqlState::INVALID_PASSWORD
            || *code == SqlState::INVALID_AUTHORIZATION_SPECIFICATION
        {
            return Error::PgCredentials {
                host,
                port,
                user: config.user.clone(),
                database: config.database.clone(),
                reason: db.message().to_owned(),
            };
        }
        if *code == SqlState::UNDEFINED_DATABASE {
            return Error::PgNoDatabase {
                host,
                port,
                database: config.database.clone(),
            };
        }
        return Error::Postgres(error);
    }
    let text = error.to_string();
    let reason = chain(&error);
    if text.starts_with("error performing TLS handshake") {
        Error::PgTls { host, port, reason }
    } else if reason.contains("password missing") {
        Error::PgPasswordNeeded {
            host,
            port,
            user: config.user.clone(),
            database: config.database.clone(),
        }
    } else if text.starts_with("error connecting to server")
        || text.starts_with("timeout waiting for server")
        || error
            .source()
            .is_some_and(|s| s.downcast_ref::<std::io::Error>().is_some())
    {
        Error::PgUnreachable { host, port, reason }
    } else {
        Error::Postgres(error)
    }
}

#[cfg(test)]
#[path = "connect_tests.rs"]
mod tests;
