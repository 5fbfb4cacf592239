// tags.hpp mirrors librpm's numbers so code above adapters/ can name them without <rpm/*.h>; a
// drift would write nonsense, so every value is checked against librpm's own constant here, at
// compile time.
#include "adapters/rpm/tags.hpp"

#include "adapters/rpm/header.hpp"

#include <rpm/header.h>
#include <rpm/rpmds.h>
#include <rpm/rpmfiles.h>
#include <rpm/rpmpgp.h>
#include <rpm/rpmtag.h>

namespace pydeb::adapters::rpm
{

static_assert(tag::i18n_table.value == RPMTAG_HEADERI18NTABLE);
static_assert(tag::name.value == RPMTAG_NAME && tag::version.value == RPMTAG_VERSION);
static_assert(tag::release.value == RPMTAG_RELEASE && tag::epoch.value == RPMTAG_EPOCH);
static_assert(tag::summary.value == RPMTAG_SUMMARY && tag::description.value == RPMTAG_DESCRIPTION);
static_assert(tag::build_time.value == RPMTAG_BUILDTIME &&
              tag::build_host.value == RPMTAG_BUILDHOST);
static_assert(tag::size.value == RPMTAG_SIZE && tag::license.value == RPMTAG_LICENSE);
static_assert(tag::packager.value == RPMTAG_PACKAGER && tag::group.value == RPMTAG_GROUP);
static_assert(tag::url.value == RPMTAG_URL && tag::os.value == RPMTAG_OS);
static_assert(tag::arch.value == RPMTAG_ARCH);
static_assert(tag::prein.value == RPMTAG_PREIN && tag::postin.value == RPMTAG_POSTIN);
static_assert(tag::preun.value == RPMTAG_PREUN && tag::postun.value == RPMTAG_POSTUN);
static_assert(tag::posttrans.value == RPMTAG_POSTTRANS);
static_assert(tag::prein_prog.value == RPMTAG_PREINPROG);
static_assert(tag::postin_prog.value == RPMTAG_POSTINPROG);
static_assert(tag::preun_prog.value == RPMTAG_PREUNPROG);
static_assert(tag::postun_prog.value == RPMTAG_POSTUNPROG);
static_assert(tag::posttrans_prog.value == RPMTAG_POSTTRANSPROG);
static_assert(tag::file_sizes.value == RPMTAG_FILESIZES &&
              tag::file_modes.value == RPMTAG_FILEMODES);
static_assert(tag::file_rdevs.value == RPMTAG_FILERDEVS);
static_assert(tag::file_mtimes.value == RPMTAG_FILEMTIMES);
static_assert(tag::file_digests.value == RPMTAG_FILEDIGESTS);
static_assert(tag::file_link_tos.value == RPMTAG_FILELINKTOS);
static_assert(tag::file_flags.value == RPMTAG_FILEFLAGS);
static_assert(tag::file_user_name.value == RPMTAG_FILEUSERNAME);
static_assert(tag::file_group_name.value == RPMTAG_FILEGROUPNAME);
static_assert(tag::source_rpm.value == RPMTAG_SOURCERPM);
static_assert(tag::file_verify_flags.value == RPMTAG_FILEVERIFYFLAGS);
static_assert(tag::provide_name.value == RPMTAG_PROVIDENAME);
static_assert(tag::provide_flags.value == RPMTAG_PROVIDEFLAGS);
static_assert(tag::provide_version.value == RPMTAG_PROVIDEVERSION);
static_assert(tag::require_name.value == RPMTAG_REQUIRENAME);
static_assert(tag::require_flags.value == RPMTAG_REQUIREFLAGS);
static_assert(tag::require_version.value == RPMTAG_REQUIREVERSION);
static_assert(tag::conflict_name.value == RPMTAG_CONFLICTNAME);
static_assert(tag::conflict_flags.value == RPMTAG_CONFLICTFLAGS);
static_assert(tag::conflict_version.value == RPMTAG_CONFLICTVERSION);
static_assert(tag::obsolete_name.value == RPMTAG_OBSOLETENAME);
static_assert(tag::changelog_time.value == RPMTAG_CHANGELOGTIME);
static_assert(tag::changelog_name.value == RPMTAG_CHANGELOGNAME);
static_assert(tag::changelog_text.value == RPMTAG_CHANGELOGTEXT);
static_assert(tag::obsolete_flags.value == RPMTAG_OBSOLETEFLAGS);
static_assert(tag::obsolete_version.value == RPMTAG_OBSOLETEVERSION);
static_assert(tag::recommend_name.value == RPMTAG_RECOMMENDNAME);
static_assert(tag::recommend_flags.value == RPMTAG_RECOMMENDFLAGS);
static_assert(tag::recommend_version.value == RPMTAG_RECOMMENDVERSION);
static_assert(tag::rpm_version.value == RPMTAG_RPMVERSION);
static_assert(tag::file_devices.value == RPMTAG_FILEDEVICES);
static_assert(tag::file_inodes.value == RPMTAG_FILEINODES);
static_assert(tag::file_langs.value == RPMTAG_FILELANGS);
static_assert(tag::dir_indexes.value == RPMTAG_DIRINDEXES);
static_assert(tag::base_names.value == RPMTAG_BASENAMES && tag::dir_names.value == RPMTAG_DIRNAMES);
static_assert(tag::payload_format.value == RPMTAG_PAYLOADFORMAT);
static_assert(tag::payload_compressor.value == RPMTAG_PAYLOADCOMPRESSOR);
static_assert(tag::payload_flags.value == RPMTAG_PAYLOADFLAGS);
static_assert(tag::long_file_sizes.value == RPMTAG_LONGFILESIZES);
static_assert(tag::long_size.value == RPMTAG_LONGSIZE);
static_assert(tag::file_digest_algo.value == RPMTAG_FILEDIGESTALGO);
static_assert(tag::encoding.value == RPMTAG_ENCODING);
static_assert(tag::payload_digest.value == RPMTAG_PAYLOADDIGEST);
static_assert(tag::payload_digest_algo.value == RPMTAG_PAYLOADDIGESTALGO);
static_assert(tag::payload_digest_alt.value == RPMTAG_PAYLOADDIGESTALT);
static_assert(sigtag::long_size.value == RPMSIGTAG_LONGSIZE);
static_assert(sigtag::long_archive_size.value == RPMSIGTAG_LONGARCHIVESIZE);
static_assert(sigtag::sha256.value == RPMSIGTAG_SHA256 && sigtag::size.value == RPMSIGTAG_SIZE);
static_assert(sigtag::payload_size.value == RPMSIGTAG_PAYLOADSIZE);
static_assert(sigtag::reserved_space.value == RPMSIGTAG_RESERVEDSPACE);
static_assert(sense::less == RPMSENSE_LESS && sense::greater == RPMSENSE_GREATER);
static_assert(sense::equal == RPMSENSE_EQUAL && sense::posttrans == RPMSENSE_POSTTRANS);
static_assert(sense::interp == RPMSENSE_INTERP && sense::script_pre == RPMSENSE_SCRIPT_PRE);
static_assert(sense::script_post == RPMSENSE_SCRIPT_POST);
static_assert(sense::script_preun == RPMSENSE_SCRIPT_PREUN);
static_assert(sense::script_postun == RPMSENSE_SCRIPT_POSTUN);
static_assert(sense::rpmlib == RPMSENSE_RPMLIB && sense::config == RPMSENSE_CONFIG);
static_assert(file_flag::config == RPMFILE_CONFIG && file_flag::noreplace == RPMFILE_NOREPLACE);
static_assert(k_verify_all == static_cast<std::uint32_t>(RPMVERIFY_ALL));
static_assert(k_digest_sha256 == PGPHASHALGO_SHA256);
static_assert(static_cast<int>(Region::signatures) == RPMTAG_HEADERSIGNATURES);
static_assert(static_cast<int>(Region::immutable) == RPMTAG_HEADERIMMUTABLE);

} // namespace pydeb::adapters::rpm
