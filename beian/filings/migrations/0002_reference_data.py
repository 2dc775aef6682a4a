"""Seed the access providers (a suggestion list: free text stays allowed) and the first version of the
security-protection notice. Idempotent: existing rows are kept as administrators left them."""

from django.db import migrations

ACCESS_PROVIDERS = [
    "中国电信", "中国联通", "中国移动", "中国广电", "阿里云", "腾讯云", "华为云", "百度智能云",
    "京东云", "火山引擎", "天翼云", "移动云", "联通云", "金山云", "UCloud优刻得", "青云QingCloud",
    "西部数码", "新网", "中国万网", "美橙互联", "景安网络", "世纪互联", "网宿科技", "蓝汛", "首都在线",
    "鹏博士", "光环新网", "数据港", "浪潮云", "紫光云", "七牛云", "又拍云", "亚马逊云科技（光环新网运营）",
    "微软Azure（世纪互联运营）", "白山云", "帝恩思", "35互联", "时代互联",
]

NOTICE_ZH = (
    "网站开办者应当依法履行网络安全保护义务：建立健全网络安全管理制度，落实网站安全负责人和应急联络人，"
    "采取防范计算机病毒和网络攻击、网络侵入等危害网络安全行为的技术措施，记录并留存网络日志不少于六个月，"
    "发现违法信息立即停止传输、保存记录并向公安机关报告。提供交互式服务的网站还应当落实用户真实身份信息"
    "登记、信息审核和安全评估等制度。备案信息发生变化的，应当在三十日内办理变更手续。"
)
NOTICE_EN = (
    "The sponsor of a website must meet its network-security obligations under the law: keep security "
    "management rules, name a website security leader and an emergency contact, take technical measures "
    "against computer viruses, network attacks and intrusions, keep network logs for at least six months, "
    "and when illegal information appears, stop its transmission at once, keep the records and report to "
    "the public security organ. A website with interactive services must also register its users' real "
    "identities, review information and carry out security assessments. When the filed information "
    "changes, file the change within thirty days."
)


def seed(apps, schema_editor):
    AccessProvider = apps.get_model("filings", "AccessProvider")
    SecurityNotice = apps.get_model("filings", "SecurityNotice")
    for position, name in enumerate(ACCESS_PROVIDERS):
        AccessProvider.objects.get_or_create(name=name, defaults={"position": position})
    SecurityNotice.objects.get_or_create(version="2026.1", defaults={"text_zh": NOTICE_ZH,
                                                                     "text_en": NOTICE_EN})


class Migration(migrations.Migration):
    dependencies = [("filings", "0001_initial")]
    operations = [migrations.RunPython(seed, migrations.RunPython.noop)]
