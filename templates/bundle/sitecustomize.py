# Written by pydeb into an interpreter it bundles (python: {bundle: ...}), imported by site.py at
# start-up. OpenSSL looks for trusted certificates under the OPENSSLDIR it was built with, which
# the target may not have: a statically linked OpenSSL (python-build-standalone: /etc/ssl) on an
# RPM distribution, whose bundle is /etc/pki/tls/certs/ca-bundle.crt. Name the target system's
# CA bundle for OpenSSL unless the user chose one (SSL_CERT_FILE / SSL_CERT_DIR, as OpenSSL's
# X509_get_default_cert_file_env documents). The system bundle is kept current by the system
# (ca-certificates, which the package recommends); nothing is shipped with the application.
import os as _os

if "SSL_CERT_FILE" not in _os.environ and "SSL_CERT_DIR" not in _os.environ:
    for _bundle in (
        "/etc/ssl/certs/ca-certificates.crt",  # Debian, Ubuntu (ca-certificates)
        "/etc/pki/tls/certs/ca-bundle.crt",  # RHEL, Fedora, CentOS, Amazon Linux
        "/etc/ssl/ca-bundle.pem",  # openSUSE, SLES
        "/etc/ssl/cert.pem",  # Alpine, Arch
    ):
        if _os.path.isfile(_bundle):
            _os.environ["SSL_CERT_FILE"] = _bundle
            break
del _os
