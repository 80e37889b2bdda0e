"""Survei Kepuasan Masyarakat (PermenPANRB No. 14 Tahun 2017): the nine elements, the IKM
computation, the sample size and the respondents' profile. Plain Python, no Flask."""
