# SYNTAX TEST "source.dockerfile" "Bulkhead's and the peers' suppression comments in a Dockerfile"
FROM alpine:3.20

# bulkhead-ignore dockerfile/user-root, dockerfile/apt-no-recommends -- the base image binds :80 as root
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.suppression.bulkhead
#                 ^^^^^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile constant.other.rule-id.bulkhead
#                                     ^ punctuation.separator.comma.bulkhead
#                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.bulkhead
#                                                                    ^^ punctuation.separator.reason.bulkhead
#                                                                       ^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^^ string.unquoted.reason.bulkhead
USER root
# <---- keyword.other.special-method.dockerfile - comment

  # bulkhead-ignore-file dockerfile/healthcheck-missing
# <-- punctuation.whitespace.comment.leading.dockerfile
# ^ punctuation.definition.comment.dockerfile
#   ^^^^^^^^^^^^^^^^^^^^ keyword.control.suppression.bulkhead
#                        ^^^^^^^^^^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.bulkhead

# bulkhead-ignore
# ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.suppression.bulkhead

# hadolint ignore=DL3008,DL3009
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
# ^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.suppression.hadolint
#          ^^^^^^ keyword.control.suppression.hadolint
#                ^ punctuation.separator.key-value.hadolint
#                 ^^^^^^ constant.other.rule-id.hadolint
#                       ^ punctuation.separator.comma.hadolint
#                        ^^^^^^ constant.other.rule-id.hadolint
RUN apt-get update && apt-get install -y curl

# hadolint global ignore=DL3007
#          ^^^^^^ keyword.control.suppression.hadolint
#                 ^^^^^^ keyword.control.suppression.hadolint
#                        ^^^^^^ constant.other.rule-id.hadolint

# checkov:skip=CKV_DOCKER_3:a build-only image
# ^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.suppression.checkov
#             ^ punctuation.separator.key-value.checkov
#              ^^^^^^^^^^^^ constant.other.rule-id.checkov
#                          ^ punctuation.separator.reason.checkov
#                           ^^^^^^^^^^^^^^^^^^ string.unquoted.reason.checkov

#trivy:ignore:AVD-DS-0002
# <- comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
#^^^^^^^^^^^^ keyword.control.suppression.trivy
#            ^ punctuation.separator.trivy
#             ^^^^^^^^^^^ constant.other.rule-id.trivy

# trivy:ignore:DS002:exp:2030-01-01
# ^^^^^^^^^^^^ keyword.control.suppression.trivy
#              ^^^^^ constant.other.rule-id.trivy
#                   ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - constant.other.rule-id.trivy

# owned by the platform team #trivy:ignore:DS026
#                            ^ punctuation.definition.comment
#                             ^^^^^^^^^^^^ keyword.control.suppression.trivy
#                                          ^^^^^ constant.other.rule-id.trivy
# ^^^^^ comment.line.number-sign.dockerfile - keyword

USER root # bulkhead-ignore dockerfile/user-root -- a trailing suppression
#         ^ comment.line.number-sign.dockerfile punctuation.definition.comment.dockerfile
#           ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile keyword.control.suppression.bulkhead
#                           ^^^^^^^^^^^^^^^^^^^^ constant.other.rule-id.bulkhead
# <---- keyword.other.special-method.dockerfile - comment

# An ordinary comment mentioning bulkhead-ignore and hadolint ignore=DL3008 is left alone.
#                                ^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - keyword
#                                                    ^^^^^^^^^^^^^^^ - keyword

# bulkhead-ignored is not a suppression
# ^^^^^^^^^^^^^^^^ comment.line.number-sign.dockerfile - keyword

# hadolint shell=bash
# ^^^^^^^^ comment.line.number-sign.dockerfile - keyword

RUN echo "# bulkhead-ignore dockerfile/user-root"
#         ^^^^^^^^^^^^^^^^^ string.quoted.double.dockerfile - keyword
#         ^^^^^^^^^^^^^^^^^ - comment
