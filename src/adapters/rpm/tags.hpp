// RPM header tag numbers and flag bits, mirrored from <rpm/rpmtag.h>, <rpm/rpmds.h> and
// <rpm/rpmfiles.h> so that code above adapters/ can name them without including librpm. Every
// value is checked against librpm's own constant by a static_assert in tags.cpp.
#pragma once

#include <cstdint>

namespace pydeb::adapters::rpm
{

// A tag number. Signature-header tags reuse numbers of main-header tags (RPMSIGTAG_SIZE ==
// RPMTAG_NAME == 1000), so tags are plain numbers in two namespaces, not one enum.
struct TagId
{
    std::int32_t value;
    friend bool operator==(TagId, TagId) = default;
};

// Main header tags (rpmtag.h: rpmTag_e).
namespace tag
{
inline constexpr TagId i18n_table{100};
inline constexpr TagId name{1000};
inline constexpr TagId version{1001};
inline constexpr TagId release{1002};
inline constexpr TagId epoch{1003};
inline constexpr TagId summary{1004};
inline constexpr TagId description{1005};
inline constexpr TagId build_time{1006};
inline constexpr TagId build_host{1007};
inline constexpr TagId size{1009};
inline constexpr TagId license{1014};
inline constexpr TagId packager{1015};
inline constexpr TagId group{1016};
inline constexpr TagId url{1020};
inline constexpr TagId os{1021};
inline constexpr TagId arch{1022};
inline constexpr TagId prein{1023};
inline constexpr TagId postin{1024};
inline constexpr TagId preun{1025};
inline constexpr TagId postun{1026};
inline constexpr TagId file_sizes{1028};
inline constexpr TagId file_modes{1030};
inline constexpr TagId file_rdevs{1033};
inline constexpr TagId file_mtimes{1034};
inline constexpr TagId file_digests{1035};
inline constexpr TagId file_link_tos{1036};
inline constexpr TagId file_flags{1037};
inline constexpr TagId file_user_name{1039};
inline constexpr TagId file_group_name{1040};
inline constexpr TagId source_rpm{1044};
inline constexpr TagId file_verify_flags{1045};
inline constexpr TagId provide_name{1047};
inline constexpr TagId require_flags{1048};
inline constexpr TagId require_name{1049};
inline constexpr TagId require_version{1050};
inline constexpr TagId conflict_flags{1053};
inline constexpr TagId conflict_name{1054};
inline constexpr TagId conflict_version{1055};
inline constexpr TagId rpm_version{1064};
inline constexpr TagId prein_prog{1085};
inline constexpr TagId postin_prog{1086};
inline constexpr TagId preun_prog{1087};
inline constexpr TagId postun_prog{1088};
inline constexpr TagId changelog_time{1080};
inline constexpr TagId changelog_name{1081};
inline constexpr TagId changelog_text{1082};
inline constexpr TagId obsolete_name{1090};
inline constexpr TagId file_devices{1095};
inline constexpr TagId file_inodes{1096};
inline constexpr TagId file_langs{1097};
inline constexpr TagId provide_flags{1112};
inline constexpr TagId provide_version{1113};
inline constexpr TagId obsolete_flags{1114};
inline constexpr TagId obsolete_version{1115};
inline constexpr TagId dir_indexes{1116};
inline constexpr TagId base_names{1117};
inline constexpr TagId dir_names{1118};
inline constexpr TagId payload_format{1124};
inline constexpr TagId payload_compressor{1125};
inline constexpr TagId payload_flags{1126};
inline constexpr TagId posttrans{1152};
inline constexpr TagId posttrans_prog{1154};
inline constexpr TagId long_file_sizes{5008};
inline constexpr TagId long_size{5009};
inline constexpr TagId file_digest_algo{5011};
inline constexpr TagId recommend_name{5046};
inline constexpr TagId recommend_version{5047};
inline constexpr TagId recommend_flags{5048};
inline constexpr TagId encoding{5062};
inline constexpr TagId payload_digest{5092};
inline constexpr TagId payload_digest_algo{5093};
inline constexpr TagId payload_digest_alt{5097};
} // namespace tag

// Signature header tags (rpmtag.h: rpmSigTag_e), as stored on disk.
namespace sigtag
{
inline constexpr TagId long_size{270};         // header + payload, >= 4 GiB
inline constexpr TagId long_archive_size{271}; // uncompressed payload, >= 4 GiB
inline constexpr TagId sha256{273};            // hex SHA-256 of the main header
inline constexpr TagId size{1000};             // header + compressed payload
inline constexpr TagId payload_size{1007};     // uncompressed payload
inline constexpr TagId reserved_space{1008};   // zeros that rpmsign replaces by signatures
} // namespace sigtag

// Dependency sense flags (rpmds.h: rpmsenseFlags_e).
namespace sense
{
inline constexpr std::uint32_t any = 0;
inline constexpr std::uint32_t less = 1U << 1;
inline constexpr std::uint32_t greater = 1U << 2;
inline constexpr std::uint32_t equal = 1U << 3;
inline constexpr std::uint32_t posttrans = 1U << 5;
inline constexpr std::uint32_t interp = 1U << 8;
inline constexpr std::uint32_t script_pre = 1U << 9;
inline constexpr std::uint32_t script_post = 1U << 10;
inline constexpr std::uint32_t script_preun = 1U << 11;
inline constexpr std::uint32_t script_postun = 1U << 12;
inline constexpr std::uint32_t rpmlib = 1U << 24;
inline constexpr std::uint32_t config = 1U << 28;
} // namespace sense

// File flags (rpmfiles.h: rpmfileAttrs_e).
namespace file_flag
{
inline constexpr std::uint32_t config = 1U << 0;
inline constexpr std::uint32_t doc = 1U << 1;
inline constexpr std::uint32_t noreplace = 1U << 4;
} // namespace file_flag

inline constexpr std::uint32_t k_verify_all = ~0U;  // RPMVERIFY_ALL
inline constexpr std::uint32_t k_digest_sha256 = 8; // PGPHASHALGO_SHA256

// The region tag that seals a header (HEADER_SIGNATURES / HEADER_IMMUTABLE).
enum class Region : std::int32_t
{
    signatures = 62,
    immutable = 63,
};

} // namespace pydeb::adapters::rpm
